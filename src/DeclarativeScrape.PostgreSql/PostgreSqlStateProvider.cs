namespace DeclarativeScrape.PostgreSql;

/// <summary>The runtime's way into a crawl shared in PostgreSQL: opens a worker's store, exports the items, reads the status.</summary>
internal sealed class PostgreSqlStateProvider : IStateProvider
{
    public string Name => "PostgreSQL";

    public bool Accepts(string uri) => PostgreSqlUri.IsPostgreSql(uri);

    public void Check(string uri) => PostgreSqlUri.Parse(uri, nameof(ScrapeOptions.StateDatabase));

    public ICrawlStore<TItem> Open<TItem>(StoreContext<TItem> context, string uri)
    {
        var parsed = PostgreSqlUri.Parse(uri, nameof(ScrapeOptions.StateDatabase));
        return PgCrawlStore<TItem>.Open(parsed, parsed.Worker, context);
    }

    public async Task<long> ExportAsync<TItem>(CrawlPlan<TItem> plan, string uri, string path, CancellationToken cancellationToken)
    {
        var parsed = PostgreSqlUri.Parse(uri, nameof(ScrapeOptions.StateDatabase));
        using var db = PgDatabase.Open(parsed, plan.Name, plan.SchemaFingerprint, create: false);
        return await PgCrawlReader.ExportAsync(db.DataSource, parsed, plan, path, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CrawlStatus> StatusAsync<TItem>(CrawlPlan<TItem> plan, string uri, CancellationToken cancellationToken)
    {
        var parsed = PostgreSqlUri.Parse(uri, nameof(ScrapeOptions.StateDatabase));
        using var db = PgDatabase.Open(parsed, plan.Name, plan.SchemaFingerprint, create: false);
        return await PgCrawlReader.StatusAsync(db.DataSource, parsed, plan.Name, cancellationToken).ConfigureAwait(false);
    }
}
