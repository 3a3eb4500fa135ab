namespace DeclarativeScrape;

/// <summary>
/// One host's queue in a persistent store: the URLs to fetch live in the database, ordered by rank and id
/// (<see cref="FrontierLease.QueueOrder"/>); only a small window of the next ones is held in memory for
/// <see cref="ICrawlStore{TItem}.TryLease"/>. Guarded by the lock of its <see cref="HostWindows"/>.
/// </summary>
internal sealed class HostQueue(long id, string name)
{
    /// <summary>The host's row id.</summary>
    public long Id { get; } = id;

    /// <summary>The authority.</summary>
    public string Name { get; } = name;

    /// <summary>The next URLs to lease, in queue order (rank, then id).</summary>
    public SortedSet<FrontierLease> Window { get; } = new(FrontierLease.QueueOrder);

    /// <summary>The ids of the URLs leased from the window and not yet done (a refill passes over them).</summary>
    public HashSet<long> InFlight { get; } = [];

    /// <summary>URLs of this host to fetch in this run: the window and those on disk after <see cref="LoadedThrough"/>.</summary>
    public long Queued;

    /// <summary>
    /// With <see cref="LoadedThrough"/>, the last URL (in queue order) the window covers: the URLs to fetch after it are
    /// on disk only; those up to it are in the window or in flight.
    /// </summary>
    public int LoadedRank = int.MinValue;

    /// <summary>The id of the last URL the window covers (see <see cref="LoadedRank"/>).</summary>
    public long LoadedThrough;

    /// <summary>Whether URLs to fetch exist on disk after the window (<see cref="LoadedRank"/>, <see cref="LoadedThrough"/>).</summary>
    public bool Spilled;

    /// <summary>Whether a refill of the window is on its way.</summary>
    public bool RefillRequested;
}
