namespace DeclarativeScrape.Hosting;

/// <summary>What the command line asked for, parsed and range-checked; <see langword="null"/> where it was not given.</summary>
internal sealed record HostSettings
{
    public IReadOnlyList<Uri> Urls { get; init; } = [];

    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public string? PathPrefix { get; init; }

    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public IReadOnlyList<Uri> Sitemaps { get; init; } = [];

    public DateTimeOffset? ModifiedSince { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Cookies { get; init; } = [];

    /// <summary>The <c>--out</c> value: a file path, <see cref="StandardOutput"/>, or <see langword="null"/>.</summary>
    public string? Out { get; init; }

    public int? MaxPages { get; init; }

    public int? MaxDepth { get; init; }

    /// <summary><c>--order</c>.</summary>
    public CrawlOrder? Order { get; init; }

    public int? Concurrency { get; init; }

    public int? PerHost { get; init; }

    /// <summary>Requests per second per host; 0 removes the scraper's rate limit.</summary>
    public double? Rate { get; init; }

    /// <summary>The token bucket's depth per host.</summary>
    public int? Burst { get; init; }

    /// <summary>Whether <c>--no-adaptive</c> was given: neither concurrency nor rate adapts.</summary>
    public bool NoAdaptive { get; init; }

    public long? MaxResponseBytes { get; init; }

    public long? MaxDecompressedBytes { get; init; }

    public long? BodyBudgetBytes { get; init; }

    public int? MaxRedirects { get; init; }

    public string? State { get; init; }

    /// <summary>Seconds the requests in flight may go on after the first stop signal.</summary>
    public double? DrainTimeout { get; init; }

    /// <summary><c>--page-encoding</c>: the encoding label every page is decoded with.</summary>
    public string? PageEncoding { get; init; }

    /// <summary><c>--http-cache</c>: the development HTTP cache's directory.</summary>
    public string? HttpCache { get; init; }

    /// <summary><c>--http-cache-size</c>: the most bytes the development HTTP cache keeps.</summary>
    public long? HttpCacheMaxBytes { get; init; }

    public bool NoRobots { get; init; }

    /// <summary><c>--robots-unreachable-timeout</c>: seconds a host with an unreachable robots.txt stays paused before its URLs fail.</summary>
    public double? RobotsUnreachableTimeout { get; init; }

    /// <summary><c>--user-agent</c>: the User-Agent of every request.</summary>
    public string? UserAgent { get; init; }

    public bool Quiet { get; init; }

    public bool Verbose { get; init; }

    /// <summary>The <c>--out</c> value that means standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>Whether <c>--out -</c> was given.</summary>
    public bool OutToStandardOutput => Out == StandardOutput;
}
