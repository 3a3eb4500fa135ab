namespace DeclarativeScrape;

/// <summary>One run's claim on a host: the run's per-host settings, which the host gate combines with the other runs'.</summary>
internal sealed class HostUser(IWakeable owner, int perHost, bool adaptive, double? requestsPerSecond, int burst, bool rateAdaptive = true)
{
    public IWakeable Owner { get; } = owner;

    public int PerHost { get; } = perHost;

    public bool Adaptive { get; } = adaptive;

    public double? RequestsPerSecond { get; } = requestsPerSecond;

    public int Burst { get; } = burst;

    /// <summary>Whether the run lets the host's rate be learned (<see cref="RateLimitOptions.Adaptive"/>).</summary>
    public bool RateAdaptive { get; } = rateAdaptive;

    /// <summary>The robots.txt <c>Crawl-delay</c> for the run's user agent, once known.</summary>
    public TimeSpan? CrawlDelay { get; set; }
}
