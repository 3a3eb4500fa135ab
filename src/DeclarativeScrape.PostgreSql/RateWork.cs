namespace DeclarativeScrape.PostgreSql;

/// <summary>The rate the worker learned on a host from its refusals changed: it goes to the database, for the crawl's status.</summary>
/// <param name="host">The authority.</param>
/// <param name="requestsPerSecond">The worker's learned rate; <see langword="null"/> when it has none.</param>
internal sealed class RateWork(string host, double? requestsPerSecond) : StoreWork
{
    public string Host { get; } = host;

    public double? RequestsPerSecond { get; } = requestsPerSecond;
}
