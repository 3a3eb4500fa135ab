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
    /// Reserved for rate discovery (learning each host's rate from its 429 answers), which is not in this release: the
    /// setting is accepted and has no effect yet. Today a host runs at <see cref="RequestsPerSecond"/> (or unpaced), a
    /// 429 pauses it for its <c>Retry-After</c>, and <see cref="ConcurrencyOptions.Adaptive"/> adapts its concurrency.
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
