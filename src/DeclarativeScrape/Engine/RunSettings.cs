using System.Collections.Frozen;

namespace DeclarativeScrape;

/// <summary>
/// A run's options, validated and copied when the run starts, so that changing the <see cref="ScrapeOptions"/>
/// object afterwards cannot reach a running crawl.
/// </summary>
internal sealed class RunSettings
{
    public RunSettings(string scraperName, ScrapeOptions options)
    {
        ScraperName = scraperName;
        StartUrls = [.. options.StartUrls];
        Scope = HostScope.Create(options.AllowedHosts, options.StartUrls);
        Paths = PathScope.Create(options.Scope);
        MaxConcurrency = options.Concurrency.Max;
        PerHost = options.Concurrency.PerHost;
        Adaptive = options.Concurrency.Adaptive;
        RequestsPerSecond = options.RateLimit.RequestsPerSecond;
        Burst = options.RateLimit.Burst;
        RateAdaptive = options.RateLimit.Adaptive;
        MaxAttempts = options.Retry.MaxAttempts;
        BaseDelay = options.Retry.BaseDelay;
        MaxDelay = options.Retry.MaxDelay;
        RetryStatusCodes = options.Retry.StatusCodes.ToFrozenSet();
        MaxRateLimitedAttempts = options.Retry.MaxRateLimitedAttempts;
        RequestTimeout = options.Timeouts.Request;
        ReadIdleTimeout = options.Timeouts.ReadIdle;
        ConnectTimeout = options.Timeouts.Connect;
        DrainTimeout = options.Timeouts.Drain;
        ObeyRobots = options.Robots.Obey;
        RobotsUnreachableTimeout = options.Robots.UnreachableTimeout;
        MaxPages = options.Limits.MaxPages;
        MaxDepth = options.Limits.MaxDepth;
        Order = options.Order;
        MaxResponseBytes = options.Limits.MaxResponseBytes;
        MaxDecompressedBytes = options.Limits.MaxDecompressedBytes;
        MaxRedirects = options.Limits.MaxRedirects;
        BodyBudgetBytes = options.Limits.BodyBudgetBytes;
        HttpCacheDirectory = options.HttpCache.Directory;
        HttpCacheMaxBytes = options.HttpCache.MaxBytes;
        UserAgent = options.UserAgent.Trim();
        Headers = [.. options.Headers];
        Cookies = [.. options.Cookies.SelectMany(c => ForStartHosts(c, options.StartUrls))];
        Login = options.Login is { } login ? new LoginSettings(new Uri(options.StartUrls[0], login.Url!), login.FormSelector, [.. login.Fields], login.FailureSelector) : null;
        Handlers = [.. options.Handlers];
        SitemapUrls = [.. options.Sitemaps.Urls.Select(u => new Uri(options.StartUrls[0], u))];
        SitemapsFromRobots = options.Sitemaps.FromRobots;
        SitemapsModifiedSince = options.Sitemaps.ModifiedSince;
        SitemapMaxBytes = options.Sitemaps.MaxBytes;
        OutputPath = options.OutputPath;
        StateDirectory = options.StateDirectory;
        StateDatabase = options.StateDatabase;
        StateProvider = options.StateProviderFor();
        Encoding = options.PageEncoding is { } label && EncodingLabels.TryGet(label, out var encoding) ? encoding : null;
        PageStageProbe = options.PageStageProbe;
        Renderer = options.Renderer;
    }

    public string ScraperName { get; }

    public IReadOnlyList<Uri> StartUrls { get; }

    public HostScope Scope { get; }

    /// <summary>The path prefix and patterns discovered links must also meet.</summary>
    public PathScope Paths { get; }

    public int MaxConcurrency { get; }

    public int PerHost { get; }

    public bool Adaptive { get; }

    public double? RequestsPerSecond { get; }

    public int Burst { get; }

    public bool RateAdaptive { get; }

    public int MaxAttempts { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    public FrozenSet<int> RetryStatusCodes { get; }

    public int MaxRateLimitedAttempts { get; }

    public TimeSpan RequestTimeout { get; }

    public TimeSpan ReadIdleTimeout { get; }

    public TimeSpan ConnectTimeout { get; }

    public TimeSpan DrainTimeout { get; }

    public bool ObeyRobots { get; }

    public TimeSpan RobotsUnreachableTimeout { get; }

    public int MaxPages { get; }

    public int MaxDepth { get; }

    /// <summary>Which of a host's queued URLs goes first.</summary>
    public CrawlOrder Order { get; }

    public long MaxResponseBytes { get; }

    public long MaxDecompressedBytes { get; }

    public int MaxRedirects { get; }

    public long BodyBudgetBytes { get; }

    /// <summary>The development HTTP cache's directory (<see cref="ScrapeOptions.HttpCache"/>), or <see langword="null"/> for none.</summary>
    public string? HttpCacheDirectory { get; }

    public long HttpCacheMaxBytes { get; }

    public string UserAgent { get; }

    public KeyValuePair<string, string>[] Headers { get; }

    /// <summary>The cookies the crawl starts with, each with a domain.</summary>
    public IReadOnlyList<System.Net.Cookie> Cookies { get; }

    public LoginSettings? Login { get; }

    public IReadOnlyList<Func<DelegatingHandler>> Handlers { get; }

    /// <summary>The sitemaps to read, absolute.</summary>
    public IReadOnlyList<Uri> SitemapUrls { get; }

    public bool SitemapsFromRobots { get; }

    public DateTimeOffset? SitemapsModifiedSince { get; }

    public long SitemapMaxBytes { get; }

    // A cookie without a domain is for each start URL's host (copies: the options' cookie is left as it is).
    private static IEnumerable<System.Net.Cookie> ForStartHosts(System.Net.Cookie cookie, IList<Uri> startUrls) =>
        cookie.Domain.Length > 0
            ? [cookie]
            : startUrls.Select(u => u.Host).Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(host => new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path is { Length: > 0 } path ? path : "/", host));

    public string? OutputPath { get; }

    public string? StateDirectory { get; }

    public string? StateDatabase { get; }

    /// <summary>The provider that opens <see cref="StateDatabase"/>.</summary>
    public StateProvider? StateProvider { get; }

    /// <summary>The encoding every page is decoded with (<see cref="ScrapeOptions.PageEncoding"/>), or <see langword="null"/> to decode as browsers do.</summary>
    public EncodingId? Encoding { get; }

    /// <summary>A test's hook into each page stage (<see cref="ScrapeOptions.PageStageProbe"/>).</summary>
    public Action<PageStage, Uri>? PageStageProbe { get; }
    public IPageRenderer? Renderer { get; }
}
