namespace DeclarativeScrape;

/// <summary>A host's window ran low: load its next URLs from the state. Nobody waits; the store says when URLs landed.</summary>
/// <param name="host">The host.</param>
internal sealed class RefillWork(HostQueue host) : StoreWork
{
    public HostQueue Host { get; } = host;
}
