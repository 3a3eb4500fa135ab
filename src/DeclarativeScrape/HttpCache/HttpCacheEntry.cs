namespace DeclarativeScrape;

/// <summary>A kept response as its entry records it: status, reason phrase and headers (its body follows in the file).</summary>
/// <param name="Status">The status code.</param>
/// <param name="Reason">The reason phrase.</param>
/// <param name="Headers">The response and content headers, but the framing ones, in the order received.</param>
internal sealed record HttpCacheEntry(int Status, string? Reason, IReadOnlyList<KeyValuePair<string, string>> Headers);
