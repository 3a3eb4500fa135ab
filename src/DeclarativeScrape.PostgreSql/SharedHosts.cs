namespace DeclarativeScrape.PostgreSql;

/// <summary>
/// One worker's side of the per-host politeness held across all workers of a shared crawl: the permits (requests in
/// flight on a host) the database granted this worker, those in use, the start times it reserved from the host's rate
/// (<see cref="ReservedStarts"/>), and the host's pause. The dispatcher asks <see cref="TryStart"/>, which answers from
/// memory; the store's thread asks the database for permits when the worker runs short (<see cref="PermitWork"/>),
/// rebalances them every tick, reserves start times ahead (<see cref="PaceWork"/>), and spreads a 429's pause
/// (<see cref="PauseWork"/>).
/// </summary>
/// <remarks>
/// The invariant, for every host: the permits of all workers together never exceed the host's limit. A worker raises its
/// own permits only within what is free, under a lock on the host's row, and only after that commits; it lowers them
/// before it writes the lower number, and never below the requests it has in flight (<see cref="LowerTo"/>).
/// </remarks>
/// <param name="time">The worker's clock.</param>
/// <param name="ask">Queues a request for permits on a host; whether it was queued.</param>
/// <param name="pause">Queues a host's pause for every worker.</param>
/// <param name="reserve">Queues a reservation of start times on a host (<see cref="PaceWork"/>); whether it was queued.</param>
/// <param name="learned">Queues the rate the worker learned on a host (<see cref="RateWork"/>).</param>
internal sealed class SharedHosts(TimeProvider time, Func<string, bool> ask, Action<string, TimeSpan> pause, Func<PaceWork, bool> reserve, Action<RateWork> learned) : ISharedPoliteness
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Permits> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (double Total, int Workers)> _joined = new(StringComparer.OrdinalIgnoreCase);
    private int _joinedCount;   // _joined.Count, read without the lock on every request start

    /// <summary>
    /// The worker cannot reach the database: it starts no request until it can again, since others may declare it lost
    /// and take its permits meanwhile (its requests in flight still end).
    /// </summary>
    public bool Suspended
    {
        get => Volatile.Read(ref _suspended);
        set => Volatile.Write(ref _suspended, value);
    }

    private bool _suspended;

    public bool TryStart(string host, HostPace? pace, out TimeSpan wait)
    {
        lock (_lock)
        {
            var permits = Of(host);
            permits.Taken = null;
            if (!TryTakePermit(host, permits, out wait))
            {
                return false;
            }

            if (pace is not null)
            {
                var now = time.GetTimestamp();
                var took = permits.Starts.TryTake(time, now, out var start, out wait);
                var batch = ReservedStarts.BatchFor(pace);
                if (!permits.Starts.Reserving && permits.Starts.Held(now) <= batch / 2)
                {
                    permits.Starts.Reserving = reserve(new PaceWork(host, pace, batch));
                }

                if (!took)
                {
                    return false;
                }

                permits.Taken = start;
            }

            permits.InUse++;
            return true;
        }
    }

    public async ValueTask StartAsync(string host, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            TimeSpan wait;
            lock (_lock)
            {
                var permits = Of(host);
                if (TryTakePermit(host, permits, out wait))
                {
                    permits.InUse++;
                    return;
                }

                changed = permits.Changed.Task;
            }

            await (wait > TimeSpan.Zero ? Task.WhenAny(changed, Task.Delay(wait, time, cancellationToken)) : changed.WaitAsync(cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public void Finished(string host)
    {
        lock (_lock)
        {
            var permits = Of(host);
            permits.InUse--;
            permits.Signal();
        }
    }

    public void Unused(string host)
    {
        lock (_lock)
        {
            var permits = Of(host);
            permits.InUse--;
            if (permits.Taken is { } start)
            {
                permits.Starts.GiveBack(start);
                permits.Taken = null;
            }

            permits.Signal();
        }
    }

    /// <summary>Start times reserved on a host (<paramref name="ahead"/>: the host's theoretical arrival time after the reservation, from the database's time) are the worker's now.</summary>
    public void Reserved(string host, HostPace pace, int count, TimeSpan ahead)
    {
        lock (_lock)
        {
            var permits = Of(host);
            permits.Starts.Reserving = false;
            permits.Starts.Add(time, time.GetTimestamp(), pace, ReservedStarts.Offsets(pace, count, ahead));
            permits.Signal();
        }
    }

    public void Pause(string host, TimeSpan delay)
    {
        lock (_lock)
        {
            Paused(host, delay);
        }

        pause(host, delay);
    }

    public void Learned(string host, double? requestsPerSecond) => learned(new RateWork(host, requestsPerSecond));

    public (double Total, int Workers)? TakeJoined(string host)
    {
        if (Volatile.Read(ref _joinedCount) == 0)
        {
            return null;
        }

        lock (_lock)
        {
            var taken = _joined.Remove(host, out var joined);
            Volatile.Write(ref _joinedCount, _joined.Count);
            return taken ? joined : null;
        }
    }

    /// <summary>The running workers that learned a host's rate before this worker first wanted permits there (<see cref="TakeJoined"/>).</summary>
    public void Joined(string host, double total, int workers)
    {
        lock (_lock)
        {
            _joined[host] = (total, workers);
            Volatile.Write(ref _joinedCount, _joined.Count);
        }
    }

    /// <summary>The hosts the worker holds permits on or wants some for, with what it holds.</summary>
    public List<(string Host, int Granted, int InUse, bool Wanting)> Active()
    {
        lock (_lock)
        {
            return [.. _hosts.Where(h => h.Value.Granted > 0 || h.Value.Wanting).Select(h => (h.Key, h.Value.Granted, h.Value.InUse, h.Value.Wanting))];
        }
    }

    /// <summary>The permits the worker holds on the host.</summary>
    public int Granted(string host)
    {
        lock (_lock)
        {
            return Of(host).Granted;
        }
    }

    /// <summary>The worker has nothing more for the host (no queued URL, no request in flight): it stops wanting permits.</summary>
    public void Idle(string host)
    {
        lock (_lock)
        {
            var permits = Of(host);
            if (permits.InUse == 0)
            {
                permits.Wanting = false;
            }
        }
    }

    /// <summary>Lowers the worker's permits to <paramref name="target"/>, but not below the requests in flight; at once, before the database hears of it.</summary>
    /// <returns>The permits now.</returns>
    public int LowerTo(string host, int target)
    {
        lock (_lock)
        {
            var permits = Of(host);
            permits.Granted = Math.Min(permits.Granted, Math.Max(target, permits.InUse));
            return permits.Granted;
        }
    }

    /// <summary>The database granted more (committed): they may be used now.</summary>
    /// <returns>Whether the worker can start more requests than before.</returns>
    public bool RaiseTo(string host, int granted)
    {
        lock (_lock)
        {
            var permits = Of(host);
            permits.Asked = false;
            if (granted <= permits.Granted)
            {
                return false;
            }

            permits.Granted = granted;
            permits.Signal();
            return true;
        }
    }

    /// <summary>The database says the host is paused for <paramref name="remaining"/> (another worker got a 429).</summary>
    public void PausedFor(string host, TimeSpan remaining)
    {
        lock (_lock)
        {
            Paused(host, remaining);
        }
    }

    /// <summary>Whether the worker may start a request on the host as far as its permits and the host's pause go (a free permit, which the caller takes).</summary>
    private bool TryTakePermit(string host, Permits permits, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (Suspended)
        {
            wait = TimeSpan.FromMilliseconds(250);
            return false;
        }

        var now = time.GetTimestamp();
        if (permits.PausedUntil > now)
        {
            wait = time.GetElapsedTime(now, permits.PausedUntil);
            return false;
        }

        if (permits.InUse < permits.Granted)
        {
            return true;
        }

        permits.Wanting = true;
        if (!permits.Asked)
        {
            permits.Asked = ask(host);
        }

        return false;
    }

    private void Paused(string host, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        var permits = Of(host);
        var until = time.GetTimestamp() + (long)(delay.TotalSeconds * time.TimestampFrequency);
        permits.PausedUntil = Math.Max(permits.PausedUntil, until);
    }

    private Permits Of(string host)
    {
        if (!_hosts.TryGetValue(host, out var permits))
        {
            _hosts[host] = permits = new Permits();
        }

        return permits;
    }

    private sealed class Permits
    {
        /// <summary>Completes when a permit may have come free (one ended, or more were granted).</summary>
        public TaskCompletionSource Changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Granted;
        public int InUse;
        public bool Wanting;
        public bool Asked;
        public long PausedUntil;

        /// <summary>The start times reserved from the host's rate.</summary>
        public readonly ReservedStarts Starts = new();

        /// <summary>The start the last <see cref="TryStart"/> took, until the request goes out or is given back.</summary>
        public (long At, long Until)? Taken;

        public void Signal()
        {
            if (Changed.Task.IsCompleted)
            {
                return;
            }

            var changed = Changed;
            Changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }
}
