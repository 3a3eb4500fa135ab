namespace DeclarativeScrape;

/// <summary>Bounds of a run: how far it goes and how large a response may be.</summary>
public sealed class LimitOptions
{
    /// <summary>The default of <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxResponseBytes = 16L << 20;

    /// <summary>The default of <see cref="MaxDecompressedBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxDecompressedBytes = 64L << 20;

    /// <summary>The default of <see cref="MaxRedirects"/>.</summary>
    public const int DefaultMaxRedirects = 10;

    /// <summary>The most pages fetched; 0 for no limit.</summary>
    public int MaxPages { get; set; }

    /// <summary>The most links followed from a start URL (start URLs are depth 0); 0 for no limit.</summary>
    public int MaxDepth { get; set; }

    /// <summary>The most bytes read off the wire for one response; a larger one fails with <see cref="FailureReason.TooLarge"/>.</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The most bytes a response may inflate to (gzip, deflate, brotli); a larger one fails with <see cref="FailureReason.TooLarge"/>.</summary>
    public long MaxDecompressedBytes { get; set; } = DefaultMaxDecompressedBytes;

    /// <summary>The most redirects followed for one request.</summary>
    public int MaxRedirects { get; set; } = DefaultMaxRedirects;

    internal void Validate(string prefix)
    {
        if (MaxPages < 0)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxPages), $"must be 0 (no limit) or more, was {MaxPages}.");
        }

        if (MaxDepth < 0)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxDepth), $"must be 0 (no limit) or more, was {MaxDepth}.");
        }

        if (MaxResponseBytes < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxResponseBytes), $"must be positive, was {MaxResponseBytes}.");
        }

        if (MaxDecompressedBytes < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxDecompressedBytes), $"must be positive, was {MaxDecompressedBytes}.");
        }

        if (MaxRedirects < 0)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxRedirects), $"must be 0 or more, was {MaxRedirects}.");
        }
    }
}
