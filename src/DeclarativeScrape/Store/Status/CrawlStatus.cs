namespace DeclarativeScrape;

/// <summary>
/// A crawl's progress as its state holds it, from any store that keeps one (a state directory between runs, a database
/// shared by workers at any time): what <see cref="CrawlStatusText"/> prints for the <c>status</c> command.
/// </summary>
internal sealed record CrawlStatus
{
    /// <summary>The scraper that created the state.</summary>
    public required string Scraper { get; init; }

    /// <summary>Where the state is, for people (a directory, or a database URI without its password), with what kind of state it is.</summary>
    public required string Location { get; init; }

    /// <summary>When the state was created (ISO 8601), as the state recorded it.</summary>
    public required string Created { get; init; }

    /// <summary>URLs admitted to the crawl.</summary>
    public long Admitted { get; init; }

    /// <summary>URLs with an outcome, by kind.</summary>
    public long Processed { get; init; }

    /// <inheritdoc cref="Processed"/>
    public long Skipped { get; init; }

    /// <inheritdoc cref="Processed"/>
    public long Failed { get; init; }

    /// <summary>URLs waiting to be fetched.</summary>
    public long Queued { get; init; }

    /// <summary>URLs leased by a worker of a shared crawl; <see langword="null"/> for a state directory (read between runs, nothing is leased).</summary>
    public long? Leased { get; init; }

    /// <summary>Items committed.</summary>
    public long Items { get; init; }

    /// <summary>The runs a state directory has had; <see langword="null"/> for a shared crawl (see <see cref="Workers"/>).</summary>
    public long? Runs { get; init; }

    /// <summary>The workers that joined a shared crawl; <see langword="null"/> for a state directory.</summary>
    public IReadOnlyList<WorkerStatus>? Workers { get; init; }

    /// <summary>The hosts with the most URLs queued (at most <see cref="MaxHosts"/>).</summary>
    public IReadOnlyList<HostStatus> Hosts { get; init; } = [];

    /// <summary>How many hosts a status lists.</summary>
    public const int MaxHosts = 20;

    /// <summary>Whether every admitted URL has its outcome.</summary>
    public bool Finished => Queued + (Leased ?? 0) == 0;
}
