namespace DeclarativeScrape;

/// <summary>
/// A running crawl, from <see cref="ScrapeEngine.Start{TItem}"/> (or a scraper's generated <c>Start</c>): its
/// events as a stream, its live progress and its summary.
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
/// <remarks>
/// Events are back-pressured: read them, or the crawl waits for you (and its memory stays bounded). Read with one
/// reader at a time. Disposing the run cancels it and waits until it has stopped.
/// </remarks>
public sealed class ScrapeRun<TItem> : IAsyncDisposable
{
    // Filled in by the runtime (issue 3).
    internal ScrapeRun() => throw new NotImplementedException();

    /// <summary>Completes with the summary when the run ends: out of work, or cancelled and drained.</summary>
    public Task<ScrapeSummary> Completion => throw new NotImplementedException();

    /// <summary>Items and outcomes, as they happen.</summary>
    /// <param name="cancellationToken">Stops the enumeration (not the run).</param>
    /// <returns>The events until the run ends.</returns>
    public IAsyncEnumerable<ScrapeEvent<TItem>> ReadEventsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>The items, as they are extracted (outcome events are passed over).</summary>
    /// <param name="cancellationToken">Stops the enumeration (not the run).</param>
    /// <returns>The items until the run ends.</returns>
    public IAsyncEnumerable<TItem> ReadItemsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>A snapshot of the run's progress.</summary>
    /// <returns>The counters now.</returns>
    public ScrapeProgress GetProgress() => throw new NotImplementedException();

    /// <summary>Cancels the run and waits until it has stopped.</summary>
    /// <returns>A task that completes when the run has stopped.</returns>
    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
