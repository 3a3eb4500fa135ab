namespace DeclarativeScrape;

/// <summary>A token bucket per host.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The default of <see cref="Burst"/>.</summary>
    public const int DefaultBurst = 1;

    /// <summary>Average requests per second per host; <see langword="null"/> for no rate limit (concurrency and robots.txt Crawl-delay still apply).</summary>
    public double? RequestsPerSecond { get; set; }

    /// <summary>Requests that may start at once after an idle period. Must be positive.</summary>
    public int Burst { get; set; } = DefaultBurst;

    internal void Validate(string prefix)
    {
        if (RequestsPerSecond is { } rps && (!double.IsFinite(rps) || rps <= 0))
        {
            throw new ScrapeOptionsException(prefix + nameof(RequestsPerSecond), $"must be a positive number, or null for no limit; was {rps}.");
        }

        if (Burst < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(Burst), $"must be at least 1, was {Burst}.");
        }
    }
}
