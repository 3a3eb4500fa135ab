namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>Receives each item of a scraper run in the background (<see cref="ScraperBuilder{TItem}.AddItemHandler{THandler}"/>).</summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
public interface IScrapeItemHandler<in TItem>
{
    /// <summary>
    /// Handles one item. Items come one at a time, in the order the crawl emits them; while a handler works, the crawl
    /// keeps fetching until its bounded item queue is full, then waits. An exception stops the run at once and stops
    /// the host (the .NET default for a failed <see cref="Microsoft.Extensions.Hosting.BackgroundService"/>).
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Cancelled when the host stops for good (its shutdown timeout ran out), not when the crawl drains.</param>
    /// <returns>A task that completes when the item is handled.</returns>
    ValueTask HandleAsync(TItem item, CancellationToken cancellationToken);
}
