namespace DeclarativeScrape;

/// <summary>
/// The store of a run without a state: a set of canonical URLs, one queue per host (<see cref="RankedQueue"/>), counters, under one short lock,
/// and the run's output file (<see cref="ItemWriter{TItem}"/>), which a completion writes its items to. Nothing is kept
/// once written: items stream to the reader and the file.
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
internal sealed class InMemoryCrawlStore<TItem> : ICrawlStore<TItem>, IFrontierSet
{
    private readonly object _lock = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RankedQueue> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly AdmissionPolicy _admission;
    private readonly ItemWriter<TItem>? _output;
    private long _queued;
    private long _leased;
    private long _completed;

    /// <param name="maxPages">The most URLs admitted; 0 for no limit.</param>
    /// <param name="output">The output file's writer, owned (and disposed) by the store; <see langword="null"/> for none.</param>
    public InMemoryCrawlStore(int maxPages, ItemWriter<TItem>? output = null)
    {
        _admission = new AdmissionPolicy(maxPages);
        _output = output;
    }

    public FrontierCounts Counts
    {
        get
        {
            lock (_lock)
            {
                return new FrontierCounts(_admission.Admitted, _queued, _leased, _completed);
            }
        }
    }

    public ValueTask AdmitAsync(List<FrontierCandidate> candidates, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _admission.Admit(candidates, this);
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

    /// <summary>Admits the page's links, then writes its items to the output file (an item that cannot be encoded fails the page).</summary>
    public ValueTask<CompletionResult> CompleteAsync(PageCompletion<TItem> page, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _leased--;
            _completed++;
            _admission.Admit(page.Links, this);
        }

        if (page.Items.Count > 0 && _output is not null && !_output.TryWrite(page.Items, out var error))
        {
            return new(CompletionResult.NotWritable(page.Outcome, error));
        }

        return new(CompletionResult.Kept(page));
    }

    public ResumedState? Resumed => null;

    public void CommitNow()
    {
    }

    public IAsyncEnumerable<FrontierLease> ReleaseQueuedAsync(CancellationToken cancellationToken) => ReleaseQueued().ToAsyncEnumerable();

    /// <summary>Writes the rest of the output file and closes it.</summary>
    /// <exception cref="IOException">The output file could not be written.</exception>
    public ValueTask DisposeAsync()
    {
        _output?.Dispose();
        return ValueTask.CompletedTask;
    }

    bool IFrontierSet.Contains(in FrontierCandidate candidate) => _seen.Contains(candidate.Url);

    void IFrontierSet.Add(in FrontierCandidate candidate)
    {
        _seen.Add(candidate.Url);
        if (!_queues.TryGetValue(candidate.Host, out var queue))
        {
            _queues[candidate.Host] = queue = new RankedQueue();
        }

        // Ids in admission order from 0, as the count before this one.
        queue.Enqueue(new FrontierLease(_admission.Admitted, candidate.Target!, candidate.Host, candidate.PageType, candidate.Depth, candidate.Carried, candidate.Rank));
        _queued++;
    }

    private List<FrontierLease> ReleaseQueued()
    {
        lock (_lock)
        {
            var all = new List<FrontierLease>((int)_queued);
            foreach (var queue in _queues.Values)
            {
                all.AddRange(queue.DrainAll());
            }

            _queued = 0;
            return all;
        }
    }
}
