namespace DeclarativeScrape;

/// <summary>
/// The fetch runtime: one pooled HTTP client, the global and per-host limits, robots.txt caches and the parse
/// workers. Every scraper in a process shares <see cref="Shared"/> unless told otherwise, so two scrapers crawling
/// one host share that host's limits.
/// </summary>
public sealed class ScrapeEngine : IAsyncDisposable, IDisposable
{
    /// <summary>Creates an engine.</summary>
    /// <param name="options">Its options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ScrapeOptionsException">An option has a value that cannot work.</exception>
    public ScrapeEngine(EngineOptions? options = null) => throw new NotImplementedException();

    /// <summary>The process-wide engine, created with default options on first use.</summary>
    public static ScrapeEngine Shared => throw new NotImplementedException();

    /// <summary>Starts a run of <paramref name="plan"/>.</summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The generated crawl plan.</param>
    /// <param name="options">The run's options, validated before anything starts.</param>
    /// <param name="cancellationToken">Stops the run gracefully: no new requests, in-flight work drained.</param>
    /// <returns>The running crawl.</returns>
    /// <exception cref="ScrapeOptionsException">An option has a value that cannot work.</exception>
    public ScrapeRun<TItem> Start<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Runs <paramref name="plan"/> and streams its items.</summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The generated crawl plan.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="cancellationToken">Stops the run gracefully and ends the stream.</param>
    /// <returns>The items, as they are extracted.</returns>
    public IAsyncEnumerable<TItem> RunAsync<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Runs <paramref name="plan"/> to the end without a reader (items go to <see cref="ScrapeOptions.OutputPath"/>, if set).</summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The generated crawl plan.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="cancellationToken">Stops the run gracefully.</param>
    /// <returns>The run's summary.</returns>
    public Task<ScrapeSummary> ScrapeAsync<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Stops every run and releases the connection pool.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public ValueTask DisposeAsync() => throw new NotImplementedException();

    /// <summary>Stops every run and releases the connection pool.</summary>
    public void Dispose() => throw new NotImplementedException();
}
