namespace DeclarativeScrape.PostgreSql;

/// <summary>The worker ran short of permits for a host: ask the database for its share (<see cref="SharedHosts"/>).</summary>
/// <param name="host">The authority.</param>
internal sealed class PermitWork(string host) : StoreWork
{
    public string Host { get; } = host;
}
