using System.Runtime.CompilerServices;

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
    private readonly Crawl<TItem> _crawl;

    internal ScrapeRun(Crawl<TItem> crawl) => _crawl = crawl;

    /// <summary>Completes with the summary when the run ends: out of work, or cancelled and drained.</summary>
    public Task<ScrapeSummary> Completion => _crawl.Completion;

    /// <summary>Items and outcomes, as they happen.</summary>
    /// <param name="cancellationToken">Stops the enumeration (not the run).</param>
    /// <returns>The events until the run ends.</returns>
    public async IAsyncEnumerable<ScrapeEvent<TItem>> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = _crawl.Events ?? throw new InvalidOperationException("This run was started without a reader.");
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var value))
            {
                yield return value;
            }
        }
    }

    /// <summary>The items, as they are extracted (outcome events are passed over).</summary>
    /// <param name="cancellationToken">Stops the enumeration (not the run).</param>
    /// <returns>The items until the run ends.</returns>
    public async IAsyncEnumerable<TItem> ReadItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var value in ReadEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (value.TryGetItem(out var item))
            {
                yield return item;
            }
        }
    }

    /// <summary>A snapshot of the run's progress.</summary>
    /// <returns>The counters now.</returns>
    public ScrapeProgress GetProgress() => _crawl.GetProgress();

    /// <summary>
    /// Stops the run gracefully, as its cancellation token does: no new request starts; the requests in flight finish
    /// (for at most <see cref="TimeoutOptions.Drain"/>, then they are cancelled) and their pages are extracted and
    /// written; every URL not fetched is recorded as <see cref="SkipReason.Cancelled"/>. Then <see cref="Completion"/>
    /// completes. Calling it again does nothing.
    /// </summary>
    public void Stop() => _crawl.Stop();

    /// <summary>
    /// Stops the run and cancels its requests in flight at once (a second Ctrl+C): their URLs are recorded as
    /// <see cref="SkipReason.Cancelled"/>; pages already fetched are still extracted, and the summary still reconciles.
    /// </summary>
    public void StopNow() => _crawl.StopNow();

    /// <summary>Cancels the run (its requests in flight too) and waits until it has stopped; events not yet read are dropped.</summary>
    /// <returns>A task that completes when the run has stopped.</returns>
    public ValueTask DisposeAsync() => new(_crawl.AbortAsync());
}
