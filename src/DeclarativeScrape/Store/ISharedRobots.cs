namespace DeclarativeScrape;

/// <summary>
/// robots.txt held by a store for every process of a shared crawl: one worker fetches a host's file, the others read it
/// from the store, so the host sees one request for it per crawl rather than one per worker.
/// </summary>
internal interface ISharedRobots
{
    /// <summary>
    /// The rules at <paramref name="robotsUrl"/>: as another worker stored them, or fetched by this one with
    /// <paramref name="fetch"/> (when it is the first to claim the file, or the worker that claimed it left or was lost)
    /// and stored for the others.
    /// </summary>
    /// <param name="robotsUrl">The origin's <c>/robots.txt</c>.</param>
    /// <param name="fetch">Fetches the file; never throws for a failed fetch (a failure is rules too).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<FetchedRobots> GetAsync(Uri robotsUrl, Func<Task<FetchedRobots>> fetch, CancellationToken cancellationToken);
}
