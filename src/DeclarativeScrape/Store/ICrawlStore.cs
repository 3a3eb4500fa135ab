namespace DeclarativeScrape;

/// <summary>
/// The single owner of everything a crawl's URLs cause: the canonical URLs seen (dedupe), the per-host FIFO queues, the
/// URLs leased for fetching, every URL's outcome, the items and the output file. It holds URLs, never tasks. A run has
/// one, opened by <see cref="CrawlStores"/>: <see cref="InMemoryCrawlStore{TItem}"/> (with its <see cref="ItemWriter{TItem}"/>),
/// <see cref="SqliteCrawlStore{TItem}"/> for a <see cref="ScrapeOptions.StateDirectory"/> (resumable), or a
/// <see cref="StateProvider"/>'s store for a <see cref="ScrapeOptions.StateDatabase"/> (one worker of a shared crawl).
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
/// <remarks>
/// <para>Contract. Every method may be called concurrently from several threads. <see cref="TryLease"/> is on the
/// dispatcher's hot path and must not block on I/O (a persistent store keeps each host's next URLs in memory).</para>
/// <para><see cref="CompleteAsync"/> is atomic and never throws for what a page holds: the page's outcome, its items and
/// its links' admission are committed together or not at all (after a crash a URL is either still to fetch or done with
/// all its consequences), and what the store made of it comes back as a <see cref="CompletionResult"/> (an item that
/// cannot be written fails its page, not the run). It throws only when the store itself broke (a state that cannot be
/// written), which stops the run. A completion as <see cref="SkipReason.Cancelled"/> (the run stopping) is not a
/// completion for a persistent store: the URL stays to fetch for the next run.</para>
/// <para>Admission (in <see cref="AdmitAsync"/> and <see cref="CompleteAsync"/>) follows <see cref="AdmissionPolicy"/>, the
/// one rule every store applies; each candidate's verdict is written back into its list.</para>
/// </remarks>
internal interface ICrawlStore<TItem> : IAsyncDisposable
{
    /// <summary>
    /// A caller cannot go on until its completion is acknowledged: a store that holds completions back to commit them
    /// in groups commits what it holds now. A hint; the in-memory store acknowledges at once anyway.
    /// </summary>
    void CommitNow();

    /// <summary>Counts now.</summary>
    FrontierCounts Counts { get; }

    /// <summary>Admits URLs that enter without a page completing (the start URLs).</summary>
    /// <param name="candidates">The URLs; each one's verdict is written back.</param>
    /// <param name="cancellationToken">Cancels the admission.</param>
    ValueTask AdmitAsync(List<FrontierCandidate> candidates, CancellationToken cancellationToken);

    /// <summary>Takes the oldest queued URL of <paramref name="host"/>.</summary>
    /// <param name="host">The authority.</param>
    /// <param name="lease">The URL, until <see cref="CompleteAsync"/>.</param>
    /// <returns>Whether the host had a queued URL.</returns>
    bool TryLease(string host, out FrontierLease lease);

    /// <summary>URLs queued for <paramref name="host"/> now.</summary>
    long QueuedFor(string host);

    /// <summary>
    /// The hosts that have queued URLs now. The run asks once, after admitting its start URLs, so that a store
    /// resumed with URLs still queued from an earlier run gets them dispatched.
    /// </summary>
    IReadOnlyList<string> QueuedHosts();

    /// <summary>Completes a leased URL atomically with everything it caused.</summary>
    /// <param name="page">The URL, its outcome, its items and its links (whose verdicts are written back).</param>
    /// <param name="cancellationToken">Cancels the completion (the run drains with <see cref="CancellationToken.None"/>).</param>
    /// <returns>The outcome recorded and whether the items were kept.</returns>
    ValueTask<CompletionResult> CompleteAsync(PageCompletion<TItem> page, CancellationToken cancellationToken);

    /// <summary>
    /// The run is stopping: streams the URLs still queued, which the run records as <see cref="SkipReason.Cancelled"/>.
    /// The in-memory store forgets them; a persistent store keeps them queued so a resumed run fetches them (and
    /// reads them from disk in chunks, so a large frontier is never loaded whole).
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    IAsyncEnumerable<FrontierLease> ReleaseQueuedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What a persistent store held when it was opened, when earlier runs had used it (its queued URLs are carried into
    /// this run); <see langword="null"/> for the in-memory store and a new state.
    /// </summary>
    ResumedState? Resumed { get; }

    /// <summary>A shared store's view of the whole crawl when this run left it (after disposal); <see langword="null"/> for the others.</summary>
    SharedCrawlSummary? Shared => null;

    /// <summary>A shared store's politeness across workers (per-host limit, pause); <see langword="null"/> for the others.</summary>
    ISharedPoliteness? Politeness => null;

    /// <summary>A shared store's robots.txt, fetched once for every worker; <see langword="null"/> for the others.</summary>
    ISharedRobots? Robots => null;
}
