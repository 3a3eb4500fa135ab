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
        MaxConcurrency = options.Concurrency.Max;
        PerHost = options.Concurrency.PerHost;
        Adaptive = options.Concurrency.Adaptive;
        RequestsPerSecond = options.RateLimit.RequestsPerSecond;
        Burst = options.RateLimit.Burst;
        MaxAttempts = options.Retry.MaxAttempts;
        BaseDelay = options.Retry.BaseDelay;
        MaxDelay = options.Retry.MaxDelay;
        RetryStatusCodes = options.Retry.StatusCodes.ToFrozenSet();
        MaxRateLimitedAttempts = options.Retry.MaxRateLimitedAttempts;
        RequestTimeout = options.Timeouts.Request;
        ReadIdleTimeout = options.Timeouts.ReadIdle;
        ConnectTimeout = options.Timeouts.Connect;
        ObeyRobots = options.Robots.Obey;
        MaxPages = options.Limits.MaxPages;
        MaxDepth = options.Limits.MaxDepth;
        MaxResponseBytes = options.Limits.MaxResponseBytes;
        MaxDecompressedBytes = options.Limits.MaxDecompressedBytes;
        MaxRedirects = options.Limits.MaxRedirects;
        UserAgent = options.UserAgent.Trim();
        Headers = [.. options.Headers];
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

    public int MaxConcurrency { get; }

    public int PerHost { get; }

    public bool Adaptive { get; }

    public double? RequestsPerSecond { get; }

    public int Burst { get; }

    public int MaxAttempts { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    public FrozenSet<int> RetryStatusCodes { get; }

    public int MaxRateLimitedAttempts { get; }

    public TimeSpan RequestTimeout { get; }

    public TimeSpan ReadIdleTimeout { get; }

    public TimeSpan ConnectTimeout { get; }

    public bool ObeyRobots { get; }

    public int MaxPages { get; }

    public int MaxDepth { get; }

    public long MaxResponseBytes { get; }

    public long MaxDecompressedBytes { get; }

    public int MaxRedirects { get; }

    public string UserAgent { get; }

    public KeyValuePair<string, string>[] Headers { get; }

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
