namespace DeclarativeScrape;

/// <summary>
/// Where a run's frontier lives: the canonical URLs seen (dedupe), the per-host FIFO queues, the URLs leased for
/// fetching, and each page's completion. It holds URLs, never tasks. The in-memory store is
/// <see cref="InMemoryFrontierStore{TItem}"/>; the persistent one (<see cref="SqliteFrontierStore{TItem}"/>, for resuming a
/// stopped or killed crawl) implements the same contract.
/// </summary>
/// <typeparam name="TItem">The scraper's item type (a persistent store keeps the items of a completion with it).</typeparam>
/// <remarks>
/// <para>Contract. Every method may be called concurrently from several threads. <see cref="TryLease"/> is on the
/// dispatcher's hot path and must not block on I/O (a persistent store keeps each host's next URLs in memory).
/// <see cref="CompleteAsync"/> is atomic: the page's outcome, its items and its admitted links are committed together
/// or not at all, so that after a crash a URL is either still to fetch or done with all its consequences. A completion
/// as <see cref="SkipReason.Cancelled"/> (the run stopping) is not a completion for a persistent store: the URL stays
/// to fetch for the next run.</para>
/// <para>Admission (in <see cref="AdmitAsync"/> and <see cref="CompleteAsync"/>): a candidate that arrives with a
/// <see cref="FrontierCandidate.Skip"/> reason is only recorded; otherwise the store decides, in order:
/// <see cref="SkipReason.Duplicate"/> when its canonical URL was admitted before (by this run, or by the earlier
/// runs a persistent store resumes), <see cref="SkipReason.MaxPages"/> when <see cref="LimitOptions.MaxPages"/> URLs were
/// admitted already, else it is queued at the back of its host's queue and <see cref="FrontierCandidate.Skip"/> stays
/// <see cref="SkipReason.None"/>. The verdict is written back into the list.</para>
/// </remarks>
internal interface IFrontierStore<TItem> : IAsyncDisposable
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

    /// <summary>
    /// Completes a leased URL atomically with its outcome, the items extracted from it and the links found on it
    /// (admitted as in <see cref="AdmitAsync"/>; each one's verdict is written back).
    /// </summary>
    /// <param name="lease">The URL.</param>
    /// <param name="outcome">How it ended (processed, skipped, failed).</param>
    /// <param name="items">The items extracted from it, in order (empty for most pages).</param>
    /// <param name="links">The links found on it; may be empty.</param>
    /// <param name="cancellationToken">Cancels the completion (the run drains with <see cref="CancellationToken.None"/>).</param>
    ValueTask CompleteAsync(FrontierLease lease, UrlOutcome outcome, IReadOnlyList<TItem> items, List<FrontierCandidate> links, CancellationToken cancellationToken);

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
}
