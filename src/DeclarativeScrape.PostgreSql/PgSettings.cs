namespace DeclarativeScrape.PostgreSql;

/// <summary>How one worker holds its place in a shared crawl: read from the URI's <c>lease_timeout</c> and <c>retry_for</c> parameters.</summary>
/// <param name="LeaseTimeout">How late a worker's heartbeat may be before the others declare it lost and put its leased URLs back in the queue.</param>
/// <param name="RetryFor">How long a worker keeps trying to reach a database that went away before it stops.</param>
internal sealed record PgSettings(TimeSpan LeaseTimeout, TimeSpan RetryFor)
{
    /// <summary>The default lease timeout: a killed worker's URLs wait this long before others take them.</summary>
    public static readonly TimeSpan DefaultLeaseTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default time a worker keeps trying to reach the database.</summary>
    public static readonly TimeSpan DefaultRetryFor = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    public static readonly PgSettings Default = new(DefaultLeaseTimeout, DefaultRetryFor);

    /// <summary>How often the worker beats, takes back lost workers' leases and looks for work queued by others.</summary>
    public TimeSpan TickInterval => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, LeaseTimeout.Ticks / 3));
}
