namespace DeclarativeScrape;

/// <summary>Bounds of a run: how far it goes, how large a response may be, and how much memory bodies may hold.</summary>
public sealed class LimitOptions
{
    /// <summary>The default of <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxResponseBytes = 16L << 20;

    /// <summary>The default of <see cref="MaxDecompressedBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxDecompressedBytes = 16L << 20;

    /// <summary>The default of <see cref="BodyBudgetBytes"/>: 64 MiB.</summary>
    public const long DefaultBodyBudgetBytes = 64L << 20;

    /// <summary>The default of <see cref="MaxRedirects"/>.</summary>
    public const int DefaultMaxRedirects = 10;

    /// <summary>The most pages fetched; 0 for no limit.</summary>
    public int MaxPages { get; set; }

    /// <summary>The most links followed from a start URL (start URLs are depth 0); 0 for no limit.</summary>
    public int MaxDepth { get; set; }

    /// <summary>The most bytes read off the wire for one response; a larger one fails with <see cref="FailureReason.TooLarge"/>.</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// The most bytes one body may hold in memory, after any gzip, deflate or brotli inflation; a larger one fails
    /// with <see cref="FailureReason.TooLarge"/>. At most <see cref="BodyBudgetBytes"/>.
    /// </summary>
    public long MaxDecompressedBytes { get; set; } = DefaultMaxDecompressedBytes;

    /// <summary>
    /// The most bytes the bodies of the run hold in memory at once: requests being read, and pages waiting for or in
    /// a parse worker. A body that would go past it waits for another to be released (briefly) or fails with
    /// <see cref="FailureReason.TooLarge"/>: memory never grows past it, whatever servers send. Runs on one engine
    /// share one budget as large as the largest of theirs. At least <see cref="MaxDecompressedBytes"/>.
    /// </summary>
    public long BodyBudgetBytes { get; set; } = DefaultBodyBudgetBytes;

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

        if (BodyBudgetBytes < MaxDecompressedBytes)
        {
            throw new ScrapeOptionsException(prefix + nameof(BodyBudgetBytes), $"({BodyBudgetBytes} bytes) must be at least {prefix}{nameof(MaxDecompressedBytes)} ({MaxDecompressedBytes} bytes): the largest body must fit in it.");
        }

        if (MaxRedirects < 0)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxRedirects), $"must be 0 or more, was {MaxRedirects}.");
        }
    }
}
