namespace DeclarativeScrape.PostgreSql;

/// <summary>
/// A crawl shared by many worker processes in one PostgreSQL database: give every worker the same
/// <see cref="ScrapeOptions.StateDatabase"/> (<c>--state postgresql://…</c> on the command line) and the same scraper.
/// </summary>
/// <example>
/// <code>
/// return await ScrapeApp.RunAsync(BookstoreScraper.Plan, args, options => options.UsePostgreSql());
/// </code>
/// </example>
public static class PostgreSqlState
{
    /// <summary>The provider of PostgreSQL states (<c>postgresql://</c> and <c>postgres://</c> URIs).</summary>
    public static StateProvider Provider { get; } = new(new PostgreSqlStateProvider());

    /// <summary>
    /// Lets <paramref name="options"/> keep the crawl's state in PostgreSQL when <see cref="ScrapeOptions.StateDatabase"/> is a
    /// <c>postgresql://</c> URI (adds <see cref="Provider"/> to <see cref="ScrapeOptions.StateProviders"/>, once).
    /// </summary>
    /// <param name="options">The run's options.</param>
    /// <param name="connectionUri">When given, sets <see cref="ScrapeOptions.StateDatabase"/> too.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static ScrapeOptions UsePostgreSql(this ScrapeOptions options, string? connectionUri = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.StateProviders.Contains(Provider))
        {
            options.StateProviders.Add(Provider);
        }

        if (connectionUri is not null)
        {
            options.StateDatabase = connectionUri;
        }

        return options;
    }

    /// <summary>
    /// Writes the items of the crawl at <paramref name="connectionUri"/> to <paramref name="path"/>, during or after the crawl:
    /// JSON Lines (<c>.jsonl</c>, <c>.ndjson</c>), one JSON array (<c>.json</c>) or CSV (<c>.csv</c>).
    /// </summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The scraper's generated <c>Plan</c> (the crawl must be this scraper's).</param>
    /// <param name="connectionUri">The crawl's database.</param>
    /// <param name="path">The file, replaced once it is complete.</param>
    /// <param name="cancellationToken">Stops the export (the file is then left as it was).</param>
    /// <returns>The items written.</returns>
    /// <exception cref="ScrapeOptionsException">The URI, the database or the path cannot be used.</exception>
    public static Task<long> ExportAsync<TItem>(CrawlPlan<TItem> plan, string connectionUri, string path, CancellationToken cancellationToken = default) =>
        Provider.Implementation.ExportAsync(plan, connectionUri, path, cancellationToken);

    /// <summary>The crawl's progress from the database, as lines: URLs by outcome, workers and their beats, per-host queues and pauses.</summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The scraper's generated <c>Plan</c> (the crawl must be this scraper's).</param>
    /// <param name="connectionUri">The crawl's database.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The status lines.</returns>
    public static async Task<IReadOnlyList<string>> GetStatusAsync<TItem>(CrawlPlan<TItem> plan, string connectionUri, CancellationToken cancellationToken = default) =>
        CrawlStatusText.Lines(await Provider.Implementation.StatusAsync(plan, connectionUri, cancellationToken).ConfigureAwait(false));
}
