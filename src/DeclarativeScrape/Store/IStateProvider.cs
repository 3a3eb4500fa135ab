namespace DeclarativeScrape;

/// <summary>
/// What a package that keeps crawls in a database (a <see cref="ScrapeOptions.StateDatabase"/> URI) gives the runtime and
/// the command-line host: a worker's store, and the crawl-wide reads (export, status). Wrapped by the public
/// <see cref="StateProvider"/>.
/// </summary>
internal interface IStateProvider
{
    /// <summary>The database's name, for messages (<c>PostgreSQL</c>).</summary>
    string Name { get; }

    /// <summary>Whether <paramref name="uri"/> is one of this provider's (by its scheme).</summary>
    bool Accepts(string uri);

    /// <summary>Checks the URI's form, without connecting (at start-up, with the other options).</summary>
    /// <exception cref="ScrapeOptionsException">The URI is malformed; the message names <see cref="ScrapeOptions.StateDatabase"/>.</exception>
    void Check(string uri);

    /// <summary>Opens a worker's store on the crawl at <paramref name="uri"/>.</summary>
    /// <exception cref="ScrapeOptionsException">The database cannot be reached or used.</exception>
    ICrawlStore<TItem> Open<TItem>(StoreContext<TItem> context, string uri);

    /// <summary>Writes the crawl's items to <paramref name="path"/> (format by its extension).</summary>
    /// <returns>The items written.</returns>
    Task<long> ExportAsync<TItem>(CrawlPlan<TItem> plan, string uri, string path, CancellationToken cancellationToken);

    /// <summary>The crawl's progress (printed by <see cref="CrawlStatusText"/>).</summary>
    Task<CrawlStatus> StatusAsync<TItem>(CrawlPlan<TItem> plan, string uri, CancellationToken cancellationToken);
}
