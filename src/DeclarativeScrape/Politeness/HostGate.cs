namespace DeclarativeScrape;

/// <summary>
/// One host's admission, shared by every run on the engine that targets it: requests in flight against its
/// adaptive limit, a pause after a 429, and its token bucket. Never blocks: <see cref="TryEnter"/> answers at once
/// and says how long to wait when the answer is no; releases and pause ends wake the runs using the host.
/// </summary>
/// <remarks>
/// When runs with different settings share a host, the strictest wins: the ceiling is the smallest
/// <see cref="ConcurrencyOptions.PerHost"/>, the token interval the longest of every <see cref="RateLimitOptions.RequestsPerSecond"/>
/// and robots.txt <c>Crawl-delay</c> (a crawl delay also means a burst of one), the burst the smallest, and the
/// limit adapts when any of them asks for it.
/// </remarks>
internal sealed class HostGate
{
    private readonly object _lock = new();
    private readonly HostRegistry _registry;
    private readonly TimeProvider _time;
    private readonly AdaptiveLimit _limit = new(ConcurrencyOptions.DefaultPerHost, enabled: true);
    private HostUser[] _users = [];
    private HostTokenBucket? _bucket;
    private HostPace? _pace;
    private int _inFlight;
    private long _pausedUntil;
    private bool _paused;

    public HostGate(string host, HostRegistry registry, TimeProvider time)
    {
        Host = host;
        _registry = registry;
        _time = time;
    }

    /// <summary>The host's authority: name, and port when not the default.</summary>
    public string Host { get; }

    /// <summary>Requests in flight against the host now, from every run.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The current adaptive limit.</summary>
    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit.Current;
            }
        }
    }

    /// <summary>The host's rate (the token bucket's interval and burst), or <see langword="null"/> when no run limits it.</summary>
    public HostPace? Pace => Volatile.Read(ref _pace);

    /// <summary>Whether any run uses the host now.</summary>
    public bool InUse => Volatile.Read(ref _users).Length > 0;

    public void Attach(HostUser user)
    {
        lock (_lock)
        {
            _users = [.. _users, user];
            Reconfigure();
        }
    }

    public void Detach(HostUser user)
    {
        lock (_lock)
        {
            _users = Array.FindAll(_users, u => !ReferenceEquals(u, user));
            Reconfigure();
        }

        WakeUsers();
    }

    /// <summary>Re-combines the runs' settings after one of them learnt its crawl delay.</summary>
    public void Refresh()
    {
        lock (_lock)
        {
            Reconfigure();
        }

        WakeUsers();
    }

    /// <summary>Tries to take a slot (and a token) for one request.</summary>
    /// <param name="sequence">The request's number for <see cref="Exit"/>.</param>
    /// <param name="wait">For <see cref="GateDecision.Paused"/> and <see cref="GateDecision.NoToken"/>: how long until it may be asked again.</param>
    public GateDecision TryEnter(out long sequence, out TimeSpan wait)
    {
        sequence = 0;
        wait = TimeSpan.Zero;
        lock (_lock)
        {
            if (_paused)
            {
                var remaining = RemainingPause();
                if (remaining > TimeSpan.Zero)
                {
                    wait = remaining;
                    return GateDecision.Paused;
                }

                _paused = false;
            }

            if (_inFlight >= _limit.Current)
            {
                return GateDecision.Full;
            }

            if (!_registry.TryEnter())
            {
                return GateDecision.EngineFull;
            }

            if (_bucket is not null)
            {
                using var lease = _bucket.AttemptAcquire();
                if (!lease.IsAcquired)
                {
                    _registry.Exit();
                    wait = lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var after) ? after : _bucket.ReplenishmentPeriod;
                    return GateDecision.NoToken;
                }
            }

            _inFlight++;
            sequence = _limit.OnStart();
            return GateDecision.Entered;
        }
    }

    /// <summary>Releases a slot taken by <see cref="TryEnter"/> and feeds the answer to the adaptive limit.</summary>
    /// <param name="sequence">From <see cref="TryEnter"/>.</param>
    /// <param name="congestion">The answer was a 429 or 503.</param>
    /// <param name="latency">Time to headers; <see cref="TimeSpan.Zero"/> for no answer.</param>
    public void Exit(long sequence, bool congestion, TimeSpan latency)
    {
        lock (_lock)
        {
            _inFlight--;
            _limit.OnResponse(sequence, congestion, latency);
        }

        _registry.Exit();
        WakeUsers();
    }

    /// <summary>Pauses the host (a 429) for <paramref name="delay"/>, unless it is already paused longer.</summary>
    /// <returns>The limit after the pause.</returns>
    public int Pause(TimeSpan delay)
    {
        lock (_lock)
        {
            if (!_paused || RemainingPause() < delay)
            {
                _pausedUntil = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
                _paused = true;
            }

            return _limit.Current;
        }
    }

    private TimeSpan RemainingPause()
    {
        var now = _time.GetTimestamp();
        return now >= _pausedUntil ? TimeSpan.Zero : _time.GetElapsedTime(now, _pausedUntil);
    }

    private void Reconfigure()
    {
        var users = _users;
        if (users.Length == 0)
        {
            return;
        }

        var ceiling = int.MaxValue;
        var adaptive = false;
        var interval = TimeSpan.Zero;
        var burst = int.MaxValue;
        foreach (var user in users)
        {
            ceiling = Math.Min(ceiling, user.PerHost);
            adaptive |= user.Adaptive;
            if (user.RequestsPerSecond is { } rps)
            {
                var every = TimeSpan.FromSeconds(1 / rps);
                interval = every > interval ? every : interval;
                burst = Math.Min(burst, user.Burst);
            }

            if (user.CrawlDelay is { } delay && delay > TimeSpan.Zero)
            {
                interval = delay > interval ? delay : interval;
                burst = 1;
            }
        }

        _limit.Configure(ceiling, adaptive);
        if (interval == TimeSpan.Zero)
        {
            _bucket = null;
            Volatile.Write(ref _pace, null);
        }
        else if (_bucket is null || _bucket.ReplenishmentPeriod != interval || _bucket.Burst != burst)
        {
            _bucket = new HostTokenBucket(_time, interval, burst);
            Volatile.Write(ref _pace, new HostPace(interval, burst));
        }
    }

    private void WakeUsers()
    {
        foreach (var user in Volatile.Read(ref _users))
        {
            user.Owner.Wake();
        }
    }
}
