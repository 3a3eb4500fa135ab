namespace DeclarativeScrape;

/// <summary>
/// One host as one run sees it: the shared <see cref="HostGate"/>, the run's claim on it, its robots.txt policy for
/// the run's user agent, the next URL taken from the frontier and the retries waiting for a slot.
/// </summary>
/// <remarks>The dispatcher alone touches <see cref="Pending"/>, <see cref="PendingChecked"/> and <see cref="InRotation"/>.</remarks>
internal sealed class RunHost(string key, HostGate gate, HostUser user)
{
    private int _announced;
    private long _requests;
    private long _rateLimited;

    public string Key { get; } = key;

    public HostGate Gate { get; } = gate;

    public HostUser User { get; } = user;

    /// <summary>The robots.txt policy, once known (allow all when robots.txt is not obeyed).</summary>
    public volatile RobotsPolicy? Robots;

    /// <summary>The host's robots.txt as fetched, once known: why its URLs are not fetched when it was unavailable.</summary>
    public volatile FetchedRobots? RobotsFetched;

    /// <summary>Whether robots.txt is being fetched for the host.</summary>
    public volatile bool RobotsLoading;

    /// <summary>A URL leased from the frontier and not yet dispatched (its host had no slot or token).</summary>
    public FrontierLease? Pending
    {
        get => _pending;
        set
        {
            _pending = value;
            HasPending = value is not null;
        }
    }

    /// <summary>Whether there is a <see cref="Pending"/> URL (readable from any thread, for progress).</summary>
    public volatile bool HasPending;

    private FrontierLease? _pending;

    /// <summary>Whether <see cref="Pending"/> passed the robots.txt check.</summary>
    public bool PendingChecked;

    /// <summary>Whether the host is in the dispatcher's rotation.</summary>
    public bool InRotation;

    public System.Collections.Concurrent.ConcurrentQueue<RetryTicket> Retries { get; } = new();

    /// <summary>The run's attempts against the host.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The run's answers from the host read as rate limits.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public void CountRequest() => Interlocked.Increment(ref _requests);

    public void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    /// <summary>Marks the host as having work; true when the caller must tell the dispatcher (it was not marked).</summary>
    public bool Announce() => Interlocked.Exchange(ref _announced, 1) == 0;

    /// <summary>Clears the mark before the dispatcher checks for remaining work (then a new URL re-announces).</summary>
    public void ClearAnnounced() => Interlocked.Exchange(ref _announced, 0);

    public void Reannounce() => Interlocked.Exchange(ref _announced, 1);
}
