namespace DeclarativeScrape;

/// <summary>How many requests a run may have in flight.</summary>
public sealed class ConcurrencyOptions
{
    /// <summary>The default of <see cref="Max"/>.</summary>
    public const int DefaultMax = 16;

    /// <summary>The default of <see cref="PerHost"/>.</summary>
    public const int DefaultPerHost = 8;

    /// <summary>Requests in flight in the whole run. Must be positive.</summary>
    public int Max { get; set; } = DefaultMax;

    /// <summary>The ceiling of requests in flight against one host; the adaptive limit moves below it. Must be positive and at most <see cref="Max"/>.</summary>
    public int PerHost { get; set; } = DefaultPerHost;

    /// <summary>Whether each host's limit adapts (AIMD) to 429/503 answers and rising latency. On by default.</summary>
    public bool Adaptive { get; set; } = true;

    /// <param name="prefix">The options' path, for messages.</param>
    /// <param name="shared">
    /// A worker of a shared crawl (<see cref="ScrapeOptions.StateDatabase"/>): <see cref="PerHost"/> is then the host's
    /// limit for all workers together, and may be above one worker's <see cref="Max"/>.
    /// </param>
    internal void Validate(string prefix, bool shared = false)
    {
        if (Max < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(Max), $"must be at least 1, was {Max}.");
        }

        if (PerHost < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(PerHost), $"must be at least 1, was {PerHost}.");
        }

        if (PerHost > Max && !shared)
        {
            throw new ScrapeOptionsException(prefix + nameof(PerHost), $"({PerHost}) must not be above {prefix}{nameof(Max)} ({Max}).");
        }
    }
}
