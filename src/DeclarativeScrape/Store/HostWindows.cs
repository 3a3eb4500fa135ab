namespace DeclarativeScrape;

/// <summary>
/// A persistent store's per-host queues as the run sees them: the queues live in the database; each host keeps a window
/// of at most <see cref="WindowCapacity"/> next URLs in memory, so that <see cref="TryLease"/> never waits on I/O. A
/// window that falls to <see cref="RefillAt"/> asks the store's thread for a refill. Also the store's counts. One short
/// lock; the loads themselves run on the store's thread, outside it. (What was admitted is the
/// <see cref="AdmissionPolicy"/>'s count.)
/// </summary>
/// <param name="requestRefill">Asks the store's thread to refill a host's window; <see langword="false"/> when it cannot (closed).</param>
/// <param name="capacity">The most next URLs a host keeps in memory.</param>
/// <param name="refillAt">A host's window is refilled when it holds this many or fewer.</param>
internal sealed class HostWindows(Func<HostQueue, bool> requestRefill, int capacity = HostWindows.WindowCapacity, int refillAt = HostWindows.RefillAt)
{
    /// <summary>The most next URLs a host keeps in memory, by default.</summary>
    public const int WindowCapacity = 64;

    /// <summary>A host's window is refilled when it holds this many or fewer, by default.</summary>
    public const int RefillAt = 16;

    private readonly object _lock = new();
    private readonly Dictionary<string, HostQueue> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private long _queued;
    private long _leased;
    private long _completed;

    /// <summary>The counts now, with <paramref name="admitted"/> from the store's admission policy.</summary>
    public FrontierCounts Counts(long admitted)
    {
        lock (_lock)
        {
            return new FrontierCounts(admitted, _queued, _leased, _completed);
        }
    }

    /// <summary>URLs leased and not yet completed (read without the lock).</summary>
    public long Leased => Volatile.Read(ref _leased);

    /// <summary>URLs to fetch in this run, in windows and in the database.</summary>
    public long Queued => Volatile.Read(ref _queued);

    /// <summary>Adds a host known to the database, with <see cref="HostQueue.Queued"/> URLs to fetch there (none in memory yet).</summary>
    public void Load(HostQueue host)
    {
        lock (_lock)
        {
            _hosts[host.Name] = host;
            host.Spilled = host.Queued > 0;
            _queued += host.Queued;
        }
    }

    /// <summary>The host's queue, or <see langword="null"/> when no URL was ever queued under it.</summary>
    public HostQueue? Find(string name)
    {
        lock (_lock)
        {
            return _hosts.GetValueOrDefault(name);
        }
    }

    /// <summary>Adds a host first queued now.</summary>
    public void Add(HostQueue host)
    {
        lock (_lock)
        {
            _hosts[host.Name] = host;
        }
    }

    public bool TryLease(string host, out FrontierLease lease)
    {
        lock (_lock)
        {
            if (!_hosts.TryGetValue(host, out var queue))
            {
                lease = default;
                return false;
            }

            var taken = queue.Window.Count > 0;
            lease = taken ? queue.Window.Min : default;
            if (taken)
            {
                queue.Window.Remove(lease);
                queue.InFlight.Add(lease.Id);
                queue.Queued--;
                _queued--;
                _leased++;
            }

            RefillIfLow(queue);
            return taken;
        }
    }

    public long QueuedFor(string host)
    {
        lock (_lock)
        {
            return _hosts.TryGetValue(host, out var queue) ? queue.Queued : 0;
        }
    }

    public IReadOnlyList<string> QueuedHosts()
    {
        lock (_lock)
        {
            return [.. _hosts.Values.Where(q => q.Queued > 0).Select(q => q.Name)];
        }
    }

    /// <summary>The hosts with URLs to fetch in this run.</summary>
    public List<HostQueue> HostsWithQueued()
    {
        lock (_lock)
        {
            return [.. _hosts.Values.Where(q => q.Queued > 0)];
        }
    }

    /// <summary>
    /// After a commit: the URLs it admitted join their hosts' windows in queue order (or stay in the database when they
    /// come after what the window covers), and the completions it committed leave the leased count.
    /// </summary>
    /// <param name="admitted">The URLs admitted, each with its host.</param>
    /// <param name="completions">Leases completed (each one leaves the leased count).</param>
    /// <param name="done">Of those, the URLs now done (a completion as cancelled leaves its URL to fetch).</param>
    /// <remarks>
    /// A URL that comes before the last one the window covers (a lower rank) joins the window even when it is full; the
    /// window then gives up its last URLs to the database and covers less, and a refill reads them again (passing over
    /// the URLs in flight).
    /// </remarks>
    public void Publish(List<(HostQueue Host, FrontierLease Lease)> admitted, int completions, IEnumerable<FrontierLease> done)
    {
        lock (_lock)
        {
            foreach (var (host, lease) in admitted)
            {
                _queued++;
                host.Queued++;
                if (host.Spilled && Compare(lease, host) > 0)
                {
                    continue;
                }

                host.Window.Add(lease);
                if (!host.Spilled && Compare(lease, host) > 0)
                {
                    Cover(host, lease);
                }

                if (host.Window.Count > capacity)
                {
                    host.Window.Remove(host.Window.Max);
                    host.Spilled = true;
                    Cover(host, host.Window.Max);
                }
            }

            _leased -= completions;
            foreach (var lease in done)
            {
                _completed++;
                if (_hosts.TryGetValue(lease.Host, out var host))
                {
                    host.InFlight.Remove(lease.Id);
                }
            }
        }
    }

    /// <summary>Loads the next URLs of a host into its window (on the store's thread).</summary>
    /// <param name="host">The host.</param>
    /// <param name="load">Reads up to a number of the host's URLs to fetch after a (rank, id), in queue order.</param>
    /// <returns>Whether URLs were loaded (the run should look at the host again).</returns>
    public bool Refill(HostQueue host, Func<HostQueue, (int Rank, long Id), int, List<FrontierLease>> load)
    {
        while (true)
        {
            (int, long) after;
            int room;
            lock (_lock)
            {
                after = (host.LoadedRank, host.LoadedThrough);
                room = capacity - host.Window.Count;
                if (!host.Spilled || room <= 0)
                {
                    host.RefillRequested = false;
                    return false;
                }
            }

            var loaded = load(host, after, room);
            lock (_lock)
            {
                var added = 0;
                foreach (var lease in loaded)
                {
                    // A URL in flight was leased before the window gave it up to the database (a lower rank came).
                    if (!host.InFlight.Contains(lease.Id) && host.Window.Add(lease))
                    {
                        added++;
                    }
                }

                if (loaded.Count > 0)
                {
                    Cover(host, loaded[^1]);
                }

                host.Spilled = loaded.Count == room;
                if (added > 0 || !host.Spilled)
                {
                    host.RefillRequested = false;
                    return added > 0;
                }
            }

            // Everything read was in flight: read on (at most the URLs in flight are passed over).
        }
    }

    /// <summary>
    /// A shared store learned how many URLs of the host wait in the database for any worker to lease: the host's count is
    /// its window and those, and a window running low asks for a refill.
    /// </summary>
    /// <returns>Whether the host has URLs waiting that it had not before (the run should look at it).</returns>
    public bool SetWaiting(HostQueue host, long waiting)
    {
        lock (_lock)
        {
            var before = host.Queued;
            host.Queued = host.Window.Count + waiting;
            _queued += host.Queued - before;
            var news = waiting > 0 && !host.Spilled;
            host.Spilled = waiting > 0;
            RefillIfLow(host);
            return news;
        }
    }

    /// <summary>A shared store admitted <paramref name="count"/> URLs of the host into the database (for any worker to lease).</summary>
    public void AddWaiting(HostQueue host, int count)
    {
        lock (_lock)
        {
            host.Queued += count;
            _queued += count;
            host.Spilled = true;
            RefillIfLow(host);
        }
    }

    /// <summary>
    /// The run stops: the next chunk of a host's URLs to fetch (its window first, then up to <paramref name="chunk"/> from
    /// the database), forgotten for this run. On the store's thread, so no refill lands after it.
    /// </summary>
    /// <returns>The URLs, and whether the host has more in the database.</returns>
    public (List<FrontierLease> Released, bool More) Release(HostQueue host, int chunk, Func<HostQueue, (int Rank, long Id), int, List<FrontierLease>> load)
    {
        (int, long) after;
        bool spilled;
        lock (_lock)
        {
            after = (host.LoadedRank, host.LoadedThrough);
            spilled = host.Spilled;
        }

        var fromDatabase = spilled ? load(host, after, chunk) : [];
        lock (_lock)
        {
            // The window first (the first call finds it as the last refill left it), then the chunk read from the database.
            List<FrontierLease> released = [.. host.Window, .. fromDatabase.Where(l => !host.InFlight.Contains(l.Id))];
            host.Window.Clear();
            if (fromDatabase.Count > 0)
            {
                Cover(host, fromDatabase[^1]);
            }

            host.Spilled = fromDatabase.Count == chunk;
            host.Queued -= released.Count;
            _queued -= released.Count;
            return (released, host.Spilled);
        }
    }

    /// <summary>Where <paramref name="lease"/> falls against the last URL the host's window covers.</summary>
    private static int Compare(in FrontierLease lease, HostQueue host) =>
        lease.Rank != host.LoadedRank ? lease.Rank.CompareTo(host.LoadedRank) : lease.Id.CompareTo(host.LoadedThrough);

    /// <summary>The window covers the host's URLs up to <paramref name="last"/>.</summary>
    private static void Cover(HostQueue host, in FrontierLease last)
    {
        host.LoadedRank = last.Rank;
        host.LoadedThrough = last.Id;
    }

    /// <summary>Under the lock: a window at its low mark, with more in the database, asks for a refill (once).</summary>
    private void RefillIfLow(HostQueue host)
    {
        if (host.Spilled && !host.RefillRequested && host.Window.Count <= refillAt)
        {
            host.RefillRequested = requestRefill(host);
        }
    }
}
