namespace DeclarativeScrape;

/// <summary>
/// One host's queue in memory: a FIFO queue per rank (<see cref="FrontierOrder"/>), taken lowest rank first. With one
/// rank (every URL of an order that does not tell pages apart) it is one FIFO queue. Not thread-safe.
/// </summary>
internal sealed class RankedQueue
{
    private readonly SortedList<int, Queue<FrontierLease>> _ranks = [];

    /// <summary>The URLs queued.</summary>
    public int Count { get; private set; }

    /// <summary>Queues <paramref name="lease"/> behind those of its rank.</summary>
    public void Enqueue(FrontierLease lease)
    {
        if (!_ranks.TryGetValue(lease.Rank, out var queue))
        {
            _ranks.Add(lease.Rank, queue = new Queue<FrontierLease>());
        }

        queue.Enqueue(lease);
        Count++;
    }

    /// <summary>Takes the first URL of the lowest rank.</summary>
    public bool TryDequeue(out FrontierLease lease)
    {
        var values = _ranks.Values;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].TryDequeue(out lease))
            {
                Count--;
                return true;
            }
        }

        lease = default;
        return false;
    }

    /// <summary>Takes every URL, in the order they would be leased.</summary>
    public List<FrontierLease> DrainAll()
    {
        var all = new List<FrontierLease>(Count);
        foreach (var queue in _ranks.Values)
        {
            all.AddRange(queue);
            queue.Clear();
        }

        Count = 0;
        return all;
    }
}
