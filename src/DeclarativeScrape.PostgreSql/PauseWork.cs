namespace DeclarativeScrape.PostgreSql;

/// <summary>A 429 paused a host: the pause goes to the database, for every worker.</summary>
/// <param name="host">The authority.</param>
/// <param name="delay">How long the host pauses.</param>
internal sealed class PauseWork(string host, TimeSpan delay) : StoreWork
{
    public string Host { get; } = host;

    public TimeSpan Delay { get; } = delay;
}
