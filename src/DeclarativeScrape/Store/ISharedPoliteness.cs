namespace DeclarativeScrape;

/// <summary>
/// Politeness a store holds across the processes of a shared crawl: each host's requests in flight (a limit for all
/// workers together), its rate (token bucket and <c>Crawl-delay</c>, for all workers together) and its 429 pause. The dispatcher asks it before the host's own gate; it answers from what the store
/// was granted, never waiting on the database, and asks the store for more in the background (the run is woken through
/// <see cref="StoreContext{TItem}.HostReady"/> when it lands).
/// </summary>
internal interface ISharedPoliteness
{
    /// <summary>
    /// Takes one of the worker's permits for the host, if it has a free one and the host is not paused, and, when the
    /// host's rate is limited, one of the worker's reserved start times that has come.
    /// </summary>
    /// <param name="host">The authority.</param>
    /// <param name="pace">The host's rate (<see cref="HostGate.Pace"/>), or <see langword="null"/> when it has none.</param>
    /// <param name="wait">When the host is paused or its next start time is ahead: how long until it may be asked again; else zero.</param>
    /// <returns>Whether a request may start.</returns>
    bool TryStart(string host, HostPace? pace, out TimeSpan wait);

    /// <summary>Waits for a permit for the host (robots.txt, fetched off the dispatcher's loop).</summary>
    /// <param name="host">The authority.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    ValueTask StartAsync(string host, CancellationToken cancellationToken);

    /// <summary>A request started after <see cref="TryStart"/> (or <see cref="StartAsync"/>) ended: its permit is free again.</summary>
    void Finished(string host);

    /// <summary>A start <see cref="TryStart"/> allowed never went out (the host's own gate refused it): its permit and its start time are given back.</summary>
    void Unused(string host);

    /// <summary>A 429: the host pauses for every worker of the crawl.</summary>
    void Pause(string host, TimeSpan delay);

    /// <summary>
    /// The rate this worker learned on the host from its refusals changed (<see cref="HostGate.Learned"/>;
    /// <see langword="null"/>: none learned): kept beside the other workers' for the crawl's status, whose host rate is
    /// their sum.
    /// </summary>
    void Learned(string host, double? requestsPerSecond);

    /// <summary>
    /// Once per host, for a worker that joined a crawl whose running workers learned the host's rate: their sum and
    /// number, from which the worker starts at its share instead of discovering the rate again; else
    /// <see langword="null"/>.
    /// </summary>
    (double Total, int Workers)? TakeJoined(string host);
}
