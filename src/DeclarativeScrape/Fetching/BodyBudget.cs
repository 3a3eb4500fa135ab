namespace DeclarativeScrape;

/// <summary>
/// Bytes of response bodies held in memory, from the first byte read until the page has been parsed: one budget per
/// run (<see cref="LimitOptions.BodyBudgetBytes"/>) whose every reservation is also taken from its engine's, which is as
/// large as the largest budget of the runs using the engine. So the bodies of every request in flight and every page
/// waiting for a parse worker, across all runs, never hold more than that, whatever servers send.
/// </summary>
/// <remarks>
/// <para>When the budget is full, the large bodies give way to the small ones: a body that cannot get its next chunk
/// and already holds more than its share (the budget divided by the bodies holding some of it) fails as too large at
/// once, which frees what it held; a smaller one waits for a release, at most <c>maxWait</c>, then fails as too large
/// too. So a burst of huge or inflating bodies is cut while ordinary pages go on, and no body waits forever.</para>
/// <para>The chunks themselves come from the engine's own pool of <see cref="ResponseBody.ChunkSize"/> arrays, which
/// keeps a chunk given back only while the chunks in use and kept together fit in the engine's budget: memory held
/// by bodies, in use or pooled, stays within the budget, and a burst of large bodies leaves no garbage behind.</para>
/// <para>Thread-safe. Locks are taken run first, then engine.</para>
/// </remarks>
internal sealed class BodyBudget
{
    private readonly object _lock = new();
    private readonly BodyBudget? _engine;
    private readonly List<long> _runBudgets = [];
    private long _capacity;
    private long _used;
    private int _holders;
    private TaskCompletionSource? _released;
    private byte[][] _pool = [];
    private int _pooled;

    private BodyBudget(long capacity, BodyBudget? engine)
    {
        _capacity = capacity;
        _engine = engine;
    }

    /// <summary>Bytes that may be held at once.</summary>
    public long Capacity
    {
        get
        {
            lock (_lock)
            {
                return _capacity;
            }
        }
    }

    /// <summary>Bytes held now.</summary>
    public long Used
    {
        get
        {
            lock (_lock)
            {
                return _used;
            }
        }
    }

    /// <summary>An engine's budget: no capacity until a run joins it.</summary>
    public static BodyBudget ForEngine() => new(0, null);

    /// <summary>A run's budget of <paramref name="capacity"/> bytes on <paramref name="engine"/>'s, which grows to it if smaller.</summary>
    public static BodyBudget ForRun(long capacity, BodyBudget engine)
    {
        engine.Join(capacity);
        return new BodyBudget(capacity, engine);
    }

    /// <summary>The run is over: the engine's budget no longer needs to be as large as this run's.</summary>
    public void Leave()
    {
        if (_engine is { } engine)
        {
            lock (engine._lock)
            {
                engine._runBudgets.Remove(_capacity);
                engine._capacity = engine._runBudgets.Count == 0 ? 0 : engine._runBudgets.Max();
                var keep = (int)Math.Clamp((engine._capacity - engine._used) / ResponseBody.ChunkSize, 0, engine._pooled);
                Array.Clear(engine._pool, keep, engine._pooled - keep);
                engine._pooled = keep;
            }
        }
    }

    /// <summary>Bodies holding some of the budget now.</summary>
    public int Holders
    {
        get
        {
            lock (_lock)
            {
                return _holders;
            }
        }
    }

    /// <summary>Takes <paramref name="bytes"/> if this budget and its engine's both have them.</summary>
    /// <param name="bytes">The bytes wanted.</param>
    /// <param name="first">Whether they are the first bytes of a body (which then counts as a holder until its last release).</param>
    public bool TryReserve(long bytes, bool first = false) => TryReserve(bytes, first, out _);

    private bool TryReserve(long bytes, bool first, out BodyBudget refusedBy)
    {
        refusedBy = this;
        lock (_lock)
        {
            if (_used + bytes > _capacity)
            {
                return false;
            }

            if (_engine is { } engine)
            {
                lock (engine._lock)
                {
                    if (engine._used + bytes > engine._capacity)
                    {
                        refusedBy = engine;
                        return false;
                    }

                    engine._used += bytes;
                    engine._holders += first ? 1 : 0;
                }
            }

            _used += bytes;
            _holders += first ? 1 : 0;
            return true;
        }
    }

    /// <summary>Gives back bytes taken by <see cref="TryReserve(long, bool)"/> and wakes the bodies waiting for some.</summary>
    /// <param name="bytes">The bytes given back.</param>
    /// <param name="last">Whether the body gives back all it held (it no longer counts as a holder).</param>
    public void Release(long bytes, bool last = false)
    {
        if (bytes <= 0)
        {
            return;
        }

        lock (_lock)
        {
            _used -= bytes;
            _holders -= last ? 1 : 0;
        }

        var root = _engine ?? this;
        if (_engine is { } engine)
        {
            lock (engine._lock)
            {
                engine._used -= bytes;
                engine._holders -= last ? 1 : 0;
            }
        }

        TaskCompletionSource? released;
        lock (root._lock)
        {
            released = root._released;
            root._released = null;
        }

        released?.TrySetResult();
    }

    /// <summary>Takes <paramref name="bytes"/> for a body, waiting for releases when the budget is full.</summary>
    /// <param name="bytes">The bytes wanted now.</param>
    /// <param name="holding">What the body asking already holds (0: these are its first bytes).</param>
    /// <param name="maxWait">The longest wait.</param>
    /// <param name="time">The clock of the wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="BodyTooLargeException">The budget is full and the body holds more than its share, or the wait ran out.</exception>
    public async ValueTask ReserveAsync(long bytes, long holding, TimeSpan maxWait, TimeProvider time, CancellationToken cancellationToken)
    {
        var root = _engine ?? this;
        var started = time.GetTimestamp();
        while (true)
        {
            // Listen before trying, so that a release between the failed try and the wait is not missed.
            var released = root.NextRelease();
            if (TryReserve(bytes, first: holding == 0, out var full))
            {
                return;
            }

            long capacity;
            int holders;
            lock (full._lock)
            {
                capacity = full._capacity;
                holders = full._holders + (holding == 0 ? 1 : 0);
            }

            var share = capacity / Math.Max(1, holders);
            if (holding > 0 && holding + bytes > share)
            {
                throw new BodyTooLargeException($"the body budget (Limits.BodyBudgetBytes: {capacity} bytes for the bodies of every request in flight) is full, and this body holds {holding} bytes of it, more than its share of {share} among {holders} bodies");
            }

            var left = maxWait - time.GetElapsedTime(started);
            try
            {
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException();
                }

                await released.WaitAsync(left, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new BodyTooLargeException($"the body budget (Limits.BodyBudgetBytes: {capacity} bytes for the bodies of every request in flight) stayed full for {maxWait.TotalSeconds:0.#} s");
            }
        }
    }

    /// <summary>A chunk of <see cref="ResponseBody.ChunkSize"/> bytes from the engine's pool (or a new one); reserve it first.</summary>
    public byte[] RentChunk()
    {
        var root = _engine ?? this;
        lock (root._lock)
        {
            if (root._pooled > 0)
            {
                var chunk = root._pool[--root._pooled];
                root._pool[root._pooled] = null!;
                return chunk;
            }
        }

        return GC.AllocateUninitializedArray<byte>(ResponseBody.ChunkSize);
    }

    /// <summary>Gives chunks back to the engine's pool, which keeps them while they fit in its budget with the chunks in use.</summary>
    public void ReturnChunks(ReadOnlySpan<byte[]> chunks)
    {
        var root = _engine ?? this;
        lock (root._lock)
        {
            var room = (int)Math.Min(int.MaxValue, ((root._capacity - root._used) / ResponseBody.ChunkSize) - root._pooled);
            var keep = Math.Clamp(room, 0, chunks.Length);
            if (keep == 0)
            {
                return;
            }

            if (root._pool.Length < root._pooled + keep)
            {
                Array.Resize(ref root._pool, Math.Max(root._pooled + keep, root._pool.Length * 2));
            }

            chunks[..keep].CopyTo(root._pool.AsSpan(root._pooled));
            root._pooled += keep;
        }
    }

    private void Join(long capacity)
    {
        lock (_lock)
        {
            _runBudgets.Add(capacity);
            _capacity = Math.Max(_capacity, capacity);
        }
    }

    private Task NextRelease()
    {
        lock (_lock)
        {
            return (_released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }
}
