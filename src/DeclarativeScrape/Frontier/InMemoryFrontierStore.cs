namespace DeclarativeScrape;

/// <summary>
/// The frontier kept in memory: a set of canonical URLs, one FIFO queue per host, counters; one short lock. Items
/// are not kept (they stream to the reader and the output file).
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
internal sealed class InMemoryFrontierStore<TItem> : IFrontierStore<TItem>
{
    private readonly object _lock = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<FrontierLease>> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _maxPages;
    private long _nextId;
    private long _queued;
    private long _leased;
    private long _completed;

    /// <param name="maxPages">The most URLs admitted; 0 for no limit.</param>
    public InMemoryFrontierStore(int maxPages) => _maxPages = maxPages;

    public FrontierCounts Counts
    {
        get
        {
            lock (_lock)
            {
                return new FrontierCounts(_nextId, _queued, _leased, _completed);
            }
        }
    }

    public ValueTask AdmitAsync(List<FrontierCandidate> candidates, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            AdmitLocked(candidates);
        }

        return ValueTask.CompletedTask;
    }

    public bool TryLease(string host, out FrontierLease lease)
    {
        lock (_lock)
        {
            if (_queues.TryGetValue(host, out var queue) && queue.TryDequeue(out lease))
            {
                _queued--;
                _leased++;
                return true;
            }
        }

        lease = default;
        return false;
    }

    public long QueuedFor(string host)
    {
        lock (_lock)
        {
            return _queues.TryGetValue(host, out var queue) ? queue.Count : 0;
        }
    }

    public IReadOnlyList<string> QueuedHosts()
    {
        lock (_lock)
        {
            return [.. _queues.Where(q => q.Value.Count > 0).Select(q => q.Key)];
        }
    }

    public ValueTask CompleteAsync(FrontierLease lease, UrlOutcome outcome, IReadOnlyList<TItem> items, List<FrontierCandidate> links, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _leased--;
            _completed++;
            AdmitLocked(links);
        }

        return ValueTask.CompletedTask;
    }

    public ResumedState? Resumed => null;

    public void CommitNow()
    {
    }

    public IAsyncEnumerable<FrontierLease> ReleaseQueuedAsync(CancellationToken cancellationToken) => ReleaseQueued().ToAsyncEnumerable();

    private List<FrontierLease> ReleaseQueued()
    {
        lock (_lock)
        {
            var all = new List<FrontierLease>((int)_queued);
            foreach (var queue in _queues.Values)
            {
                all.AddRange(queue);
                queue.Clear();
            }

            _queued = 0;
            return all;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void AdmitLocked(List<FrontierCandidate> candidates)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates);
        for (var i = 0; i < span.Length; i++)
        {
            ref var candidate = ref span[i];
            if (candidate.Skip != SkipReason.None)
            {
                continue;
            }

            if (!_seen.Add(candidate.Url))
            {
                candidate.Skip = SkipReason.Duplicate;
                continue;
            }

            if (_maxPages > 0 && _nextId >= _maxPages)
            {
                _seen.Remove(candidate.Url);
                candidate.Skip = SkipReason.MaxPages;
                candidate.Message = $"Limits.MaxPages ({_maxPages}) reached";
                continue;
            }

            if (!_queues.TryGetValue(candidate.Host, out var queue))
            {
                _queues[candidate.Host] = queue = new Queue<FrontierLease>();
            }

            queue.Enqueue(new FrontierLease(_nextId++, candidate.Target!, candidate.Host, candidate.PageType, candidate.Depth));
            _queued++;
        }
    }
}
