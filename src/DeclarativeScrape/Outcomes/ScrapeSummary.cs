namespace DeclarativeScrape;

/// <summary>
/// The result of a run. Its counts reconcile exactly: every URL that entered the frontier is processed,
/// skipped or failed (<see cref="Reconciles"/>).
/// </summary>
public sealed record ScrapeSummary
{
    /// <summary>The scraper's name.</summary>
    public required string ScraperName { get; init; }

    /// <summary>Whether the run ran out of work (<see langword="false"/> when it was cancelled).</summary>
    public required bool Completed { get; init; }

    /// <summary>Wall time of the run.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>URLs that entered the frontier (start URLs and every discovered link, duplicates included).</summary>
    public required long Discovered { get; init; }

    /// <summary>URLs fetched and extracted.</summary>
    public required long Processed { get; init; }

    /// <summary>URLs skipped, by reason.</summary>
    public required IReadOnlyDictionary<SkipReason, long> SkippedByReason { get; init; }

    /// <summary>URLs failed, by reason.</summary>
    public required IReadOnlyDictionary<FailureReason, long> FailedByReason { get; init; }

    /// <summary>Items emitted.</summary>
    public required long Items { get; init; }

    /// <summary>Items the plan's <see cref="ItemHook{TItem}"/> dropped (not counted in <see cref="Items"/>).</summary>
    public long ItemsDropped { get; init; }

    /// <summary>HTTP requests sent (attempts, robots.txt included).</summary>
    public required long Requests { get; init; }

    /// <summary>Attempts after the first, over all URLs.</summary>
    public required long Retries { get; init; }

    /// <summary>Response body bytes received off the wire.</summary>
    public required long BytesReceived { get; init; }

    /// <summary>The failed outcomes, in the order they happened (at most <see cref="MaxFailuresKept"/>; the counts are always complete).</summary>
    public required IReadOnlyList<UrlOutcome> Failures { get; init; }

    /// <summary>
    /// What the <see cref="ScrapeOptions.StateDirectory"/> (or the <see cref="ScrapeOptions.StateDatabase"/>) held when this
    /// run started, when earlier runs (or other workers) had used it; <see langword="null"/> without a state or for a fresh one.
    /// </summary>
    public ResumedState? Resumed { get; init; }

    /// <summary>
    /// Each host the run sent requests to, with the rate learned from its refusals (429, and 503s that read as a rate
    /// limit), its configured rate, and how many of its answers were rate limits; by host name.
    /// </summary>
    public IReadOnlyList<HostRateSummary> Hosts { get; init; } = [];

    /// <summary>
    /// With <see cref="ScrapeOptions.StateDatabase"/>: the whole crawl, every worker together, when this run left it
    /// (this summary's own counts are this worker's); <see langword="null"/> otherwise.
    /// </summary>
    public SharedCrawlSummary? Shared { get; init; }

    /// <summary>
    /// What the browser did, for a scraper with <see cref="RenderAttribute"/> page types; <see langword="null"/> for one
    /// without.
    /// </summary>
    public RenderSummary? Rendering { get; init; }

    /// <summary>
    /// The development HTTP cache's hits and misses, with <see cref="ScrapeOptions.HttpCache"/>; <see langword="null"/>
    /// without it. Replayed responses count in <see cref="Requests"/> and <see cref="BytesReceived"/> as the crawl's
    /// requests; <see cref="HttpCacheSummary.Hits"/> says how many of them never reached the site.
    /// </summary>
    public HttpCacheSummary? HttpCache { get; init; }

    /// <summary>How many failed outcomes <see cref="Failures"/> keeps at most.</summary>
    public const int MaxFailuresKept = 1000;

    /// <summary>URLs skipped, all reasons.</summary>
    public long Skipped => SkippedByReason.Values.Sum();

    /// <summary>URLs failed, all reasons.</summary>
    public long Failed => FailedByReason.Values.Sum();

    /// <summary>Whether <see cref="Discovered"/> equals <see cref="Processed"/> + <see cref="Skipped"/> + <see cref="Failed"/>.</summary>
    public bool Reconciles => Discovered == Processed + Skipped + Failed;
}
