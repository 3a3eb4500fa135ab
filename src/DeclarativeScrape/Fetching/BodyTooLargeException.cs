namespace DeclarativeScrape;

/// <summary>A body went past <see cref="LimitOptions.MaxResponseBytes"/> or <see cref="LimitOptions.MaxDecompressedBytes"/> while it was read.</summary>
/// <remarks>Thrown from inside the (decompressing) stream chain, where a value cannot be returned; caught by the fetcher and recorded as <see cref="FailureReason.TooLarge"/>.</remarks>
internal sealed class BodyTooLargeException(string message) : IOException(message);
