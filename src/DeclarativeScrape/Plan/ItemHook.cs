namespace DeclarativeScrape;

/// <summary>
/// A step every item of a run passes after extraction and before anything else sees it (the output file, a state
/// directory, the run's readers): return the item, changed or not, to keep it; return <see langword="null"/> to drop it;
/// send it elsewhere by awaiting the sending. Added to a plan with <see cref="CrawlPlan{TItem}.WithItemHook"/>.
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
/// <param name="item">The item as extracted.</param>
/// <param name="source">The page it was extracted from.</param>
/// <param name="cancellationToken">Cancelled when the run is stopped at once (a second Ctrl+C, disposal), not when it drains.</param>
/// <returns>The item to keep, or <see langword="null"/> to drop it (counted in <see cref="ScrapeSummary.ItemsDropped"/>).</returns>
/// <remarks>
/// <para>
/// Back-pressure: the crawl awaits the hook as part of the page's completion. While hooks are pending the crawl goes on
/// parsing, up to <see cref="ConcurrencyOptions.Max"/> pages waiting (and one more per parse worker), and then waits; a
/// slow destination slows the crawl instead of filling memory. Hooks of different pages run concurrently (up to that
/// bound): a hook that keeps state must be thread-safe.
/// </para>
/// <para>
/// An exception fails the item's page (<see cref="FailureReason.Extraction"/>, with a message naming the hook and the
/// exception); its links are still followed and the run goes on. With a state directory the hook runs before the page
/// is committed: after a crash its page is fetched again and the hook sees its item again (at least once).
/// </para>
/// </remarks>
public delegate ValueTask<TItem?> ItemHook<TItem>(TItem item, ItemSource source, CancellationToken cancellationToken);
