namespace DeclarativeScrape;

/// <summary>
/// One host's queue in a persistent store: the URLs to fetch live in the database, ordered by id; only a small window of
/// the next ones is held in memory for <see cref="ICrawlStore{TItem}.TryLease"/>. Guarded by the lock of its
/// <see cref="HostWindows"/>; <see cref="LoadedThrough"/> and <see cref="Spilled"/> change only on the store's thread.
/// </summary>
internal sealed class HostQueue(long id, string name)
{
    /// <summary>The host's row id.</summary>
    public long Id { get; } = id;

    /// <summary>The authority.</summary>
    public string Name { get; } = name;

    /// <summary>The next URLs to lease, in id order.</summary>
    public Queue<FrontierLease> Window { get; } = new();

    /// <summary>URLs of this host to fetch in this run: the window and those on disk after <see cref="LoadedThrough"/>.</summary>
    public long Queued;

    /// <summary>The highest id taken into the window; URLs to fetch after it are on disk only.</summary>
    public long LoadedThrough;

    /// <summary>Whether URLs to fetch exist on disk after <see cref="LoadedThrough"/>.</summary>
    public bool Spilled;

    /// <summary>Whether a refill of the window is on its way.</summary>
    public bool RefillRequested;
}
