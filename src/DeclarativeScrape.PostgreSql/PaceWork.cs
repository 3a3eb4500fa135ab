namespace DeclarativeScrape.PostgreSql;

/// <summary>The worker runs short of start times on a host whose rate is limited: reserve more from the host's shared rate (<see cref="ReservedStarts"/>).</summary>
/// <param name="host">The authority.</param>
/// <param name="pace">The host's rate.</param>
/// <param name="count">How many starts to reserve.</param>
internal sealed class PaceWork(string host, HostPace pace, int count) : StoreWork
{
    public string Host { get; } = host;

    public HostPace Pace { get; } = pace;

    public int Count { get; } = count;
}
