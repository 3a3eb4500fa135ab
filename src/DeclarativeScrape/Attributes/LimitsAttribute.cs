namespace DeclarativeScrape;

/// <summary>
/// Bounds of the crawl: how far it goes (URLs beyond are skipped with <see cref="SkipReason.MaxPages"/> or
/// <see cref="SkipReason.MaxDepth"/>; zero means unlimited), how large a response may be and how much memory the
/// bodies of the requests in flight may hold (beyond, a response fails with <see cref="FailureReason.TooLarge"/>),
/// and how many redirects are followed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LimitsAttribute : Attribute
{
    /// <summary>The most pages fetched in one run; 0 for no limit.</summary>
    public int MaxPages { get; set; }

    /// <summary>The most links followed from a start URL (start URLs are depth 0); 0 for no limit.</summary>
    public int MaxDepth { get; set; }

    /// <summary>The most bytes read off the wire for one response (default 16 MiB). Must be positive.</summary>
    public long MaxResponseBytes { get; set; } = LimitOptions.DefaultMaxResponseBytes;

    /// <summary>The most bytes one body may hold in memory after decompression (default 16 MiB). Must be positive and at most <see cref="BodyBudgetBytes"/>.</summary>
    public long MaxDecompressedBytes { get; set; } = LimitOptions.DefaultMaxDecompressedBytes;

    /// <summary>The most bytes the bodies of the run hold in memory at once (default 64 MiB). Must be at least <see cref="MaxDecompressedBytes"/>.</summary>
    public long BodyBudgetBytes { get; set; } = LimitOptions.DefaultBodyBudgetBytes;

    /// <summary>The most redirects followed for one request (default 10); 0 follows none.</summary>
    public int MaxRedirects { get; set; } = LimitOptions.DefaultMaxRedirects;
}
