namespace DeclarativeScrape;

/// <summary>
/// With a shared state (<see cref="ScrapeOptions.StateDatabase"/>): the whole crawl, every worker together, as the database
/// held it when this run (one worker) left. The run's own <see cref="ScrapeSummary"/> counts only what this worker did.
/// </summary>
public sealed record SharedCrawlSummary
{
    /// <summary>The crawl's database (its password hidden).</summary>
    public required string Database { get; init; }

    /// <summary>Workers that ever joined the crawl, this one included.</summary>
    public required long Workers { get; init; }

    /// <summary>Workers still running when this one left.</summary>
    public long WorkersRunning { get; init; }

    /// <summary>Whether this run was the last worker to leave: <see cref="Crawl"/> is then the crawl's final summary.</summary>
    public bool LastOut { get; init; }

    /// <summary>Whether every URL of the crawl has its outcome.</summary>
    public required bool Finished { get; init; }

    /// <summary>URLs still to fetch (queued, or leased by a worker).</summary>
    public required long Queued { get; init; }

    /// <summary>
    /// The whole crawl's counts: every URL admitted or skipped by any worker, its outcome, the items committed, and the
    /// requests, bytes and retries the workers reported. <see cref="ScrapeSummary.Reconciles"/> holds once it is finished.
    /// </summary>
    public required ScrapeSummary Crawl { get; init; }
}
