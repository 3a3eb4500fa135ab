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

    /// <summary>
    /// Whether each host's rate is learned from its answers: a 429 (or a 503 that reads as a rate limit) sets the host's
    /// rate just under the rate it was seen to accept, and the rate is probed upwards again from time to time.
    /// <see cref="RequestsPerSecond"/>, when set, stays a ceiling the learned rate never goes above. On by default.
    /// </summary>
    public bool Adaptive { get; set; } = true;

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
