namespace DeclarativeScrape.PostgreSql;

/// <summary>The worker's periodic tick: heartbeat, leases of lost workers taken back, work queued by others found.</summary>
internal sealed class TickWork : StoreWork
{
    public static readonly TickWork Instance = new();

    private TickWork()
    {
    }
}
