namespace DeclarativeScrape;

/// <summary>A snapshot of a running crawl, cheap enough to take several times a second.</summary>
public sealed record ScrapeProgress
{
    /// <summary>Time since the run started.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Pages fetched (responses received, all statuses).</summary>
    public required long PagesFetched { get; init; }

    /// <summary>Pages fetched per second over the last few seconds.</summary>
    public required double PagesPerSecond { get; init; }

    /// <summary>Requests in flight now.</summary>
    public required int InFlight { get; init; }

    /// <summary>URLs waiting in the frontier.</summary>
    public required long Queued { get; init; }

    /// <summary>Items emitted so far.</summary>
    public required long Items { get; init; }

    /// <summary>URLs processed so far.</summary>
    public required long Processed { get; init; }

    /// <summary>URLs skipped so far.</summary>
    public required long Skipped { get; init; }

    /// <summary>URLs failed so far.</summary>
    public required long Failed { get; init; }

    /// <summary>Retries so far.</summary>
    public required long Retries { get; init; }

    /// <summary>The hosts with work in flight or queued, busiest first.</summary>
    public required IReadOnlyList<HostProgress> Hosts { get; init; }
}
