using System.Buffers;
using System.Runtime.InteropServices;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape;

/// <summary>
/// The frontier of a run with a <see cref="ScrapeOptions.StateDirectory"/>: seen set, per-host queues, outcomes and
/// items in SQLite (<see cref="StateDatabase"/>, <see cref="StateSchema"/>), so that a run stopped or killed at any
/// moment resumes where it was, and the output file holds every item exactly once.
/// </summary>
/// <remarks>
/// <para>One thread (the store's) owns the connection. Admissions and completions are queued to it and committed in
/// groups: whatever arrived while the previous group was committing goes into the next transaction (at most
/// <see cref="MaxBatch"/>), and each caller's task completes only after its group committed. So throughput grows with
/// load instead of paying one commit per page, and nothing is acknowledged before it is durable.</para>
/// <para>A completion is one unit in its transaction: the URL's outcome, its items (as the exact bytes of their output
/// records) and its links' admission. A URL in flight is not written at all: it is still "to fetch" on disk, so a
/// killed run's leases return to the queue by themselves. A completion as <see cref="SkipReason.Cancelled"/> (the run
/// stopping) leaves the URL to fetch for the next run.</para>
/// <para>Memory: the seen set and the queues stay on disk; each host keeps a window of at most
/// <see cref="WindowCapacity"/> next URLs in memory, refilled by the store's thread when it runs low, so
/// <see cref="TryLease"/> never waits on I/O. A refill that lands wakes the run through <c>hostReady</c>.</para>
/// <para>Output: the items committed by a group are appended to the <see cref="OutputProjection"/> in commit order; once
/// a second (and when the run ends) the file is written and synced and its mark recorded.</para>
/// </remarks>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
internal sealed class SqliteFrontierStore<TItem> : IFrontierStore<TItem>
{
    /// <summary>The most next URLs a host keeps in memory.</summary>
    public const int WindowCapacity = 64;

    /// <summary>A host's window is refilled when it holds this many or fewer.</summary>
    public const int RefillAt = 16;

    /// <summary>The most admissions and completions committed in one transaction.</summary>
    public const int MaxBatch = 512;

    /// <summary>
    /// How long a group of writes waits for more while URLs are in flight: throughput (one commit for many pages)
    /// against latency (a page's items and links are acknowledged when its group commits).
    /// </summary>
    public static readonly TimeSpan CommitWindow = TimeSpan.FromMilliseconds(10);

    /// <summary>URLs read per step when the run stops and the queued URLs are reported.</summary>
    public const int ReleaseChunk = 1024;

    private readonly StateDatabase _db;
    private readonly StoreStatements _sql;
    private readonly ItemEncoder<TItem> _encoder;
    private readonly ArrayBufferWriter<byte> _record = new(4096);
    private readonly OutputProjection? _output;
    private readonly int _maxPages;
    private readonly Action<string> _hostReady;
    private readonly Action<Exception> _failed;
    private readonly ITimer? _flushTimer;
    private readonly WorkQueue _work;
    private readonly Task _loop;

    // Guarded by _lock.
    private readonly object _lock = new();
    private readonly Dictionary<string, HostQueue> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private long _admitted;
    private long _queued;
    private long _leased;
    private long _completed;

    // The store's thread only.
    private readonly List<(HostQueue Host, FrontierLease Lease)> _admittedNow = [];
    private readonly List<(long Seq, byte[] Record)> _committedNow = [];
    private readonly List<Work> _writes = [];
    private readonly long[] _outcomeCounts = new long[3];
    private long _nextId;
    private long _nextSeq;
    private long _nextHostId;
    private bool _flushDue;
    private Exception? _broken;

    private SqliteFrontierStore(StateDatabase db, CrawlPlan<TItem> plan, string? outputPath, int maxPages, TimeProvider time, ILogger logger, Action<string> hostReady, Action<Exception> failed)
    {
        _db = db;
        _maxPages = maxPages;
        _hostReady = hostReady;
        _failed = failed;
        _sql = new StoreStatements(db.Connection);
        try
        {
            _work = new WorkQueue(this);
            _encoder = ItemEncoder<TItem>.For(db.ItemFormat, plan.Format);
            var earlierRuns = db.ReadNumber(StateSchema.Runs);
            LoadQueues();
            if (db.Created)
            {
                StateLog.Fresh(logger, db.DatabasePath);
            }
            else
            {
                Resumed = new ResumedState
                {
                    StateFile = db.DatabasePath,
                    EarlierRuns = earlierRuns,
                    Carried = _queued,
                    Processed = db.ReadNumber(StateSchema.Processed),
                    Skipped = db.ReadNumber(StateSchema.Skipped),
                    Failed = db.ReadNumber(StateSchema.Failed),
                    Items = _nextSeq - 1,
                };
                StateLog.Resumed(logger, db.DatabasePath, earlierRuns, _queued, Resumed.Processed, Resumed.Skipped, Resumed.Failed, Resumed.Items);
            }

            if (outputPath is not null)
            {
                _output = OpenOutput(outputPath);
                StateLog.OutputOpened(logger, _output.Path, _output.Repair);
                _flushTimer = time.CreateTimer(static s => ((SqliteFrontierStore<TItem>)s!)._work.TryAdd(Work.Flush), this, ItemWriter<TItem>.FlushInterval, ItemWriter<TItem>.FlushInterval);
            }

            // Counted once everything opened: a run refused at start-up is not a run.
            InTransaction(() => _sql.AddToCounter(StateSchema.Runs, 1));
        }
        catch
        {
            // The statements go before the connection closes (with statements left, SQLite would keep the file open).
            _flushTimer?.Dispose();
            _output?.Dispose();
            _sql.Dispose();
            throw;
        }

        _loop = Task.Factory.StartNew(static s => ((SqliteFrontierStore<TItem>)s!).Loop(), this, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Opens the state in <paramref name="directory"/> for a run of <paramref name="plan"/>.</summary>
    /// <param name="directory">The state directory.</param>
    /// <param name="plan">The scraper's plan (name, fingerprint, item format).</param>
    /// <param name="outputPath">The output file, repaired and completed from the state; <see langword="null"/> for none.</param>
    /// <param name="maxPages">The most URLs admitted, over all runs of the state; 0 for no limit.</param>
    /// <param name="time">The clock of the output's flushes.</param>
    /// <param name="logger">Where the open is reported.</param>
    /// <param name="hostReady">Called (on the store's thread) when URLs of a host became leasable after a refill.</param>
    /// <param name="failed">Called (on the store's thread) when the state could not be read or written: the run must stop.</param>
    /// <exception cref="ScrapeOptionsException">The state or the output cannot be used; the message names the file.</exception>
    public static SqliteFrontierStore<TItem> Open(string directory, CrawlPlan<TItem> plan, string? outputPath, int maxPages, TimeProvider time, ILogger logger, Action<string> hostReady, Action<Exception> failed)
    {
        var db = StateDatabase.Open(directory, plan.Name, plan.SchemaFingerprint, outputPath is null ? null : ItemWriter<TItem>.FormatOf(outputPath));
        try
        {
            return new SqliteFrontierStore<TItem>(db, plan, outputPath, maxPages, time, logger, hostReady, failed);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>What the state held when it was opened; <see langword="null"/> for a new state.</summary>
    public ResumedState? Resumed { get; }

    /// <summary>The state database file.</summary>
    public string StateFile => _db.DatabasePath;

    public FrontierCounts Counts
    {
        get
        {
            lock (_lock)
            {
                return new FrontierCounts(_admitted, _queued, _leased, _completed);
            }
        }
    }

    public void CommitNow() => _work.CommitNow();

    public ValueTask AdmitAsync(List<FrontierCandidate> candidates, CancellationToken cancellationToken) =>
        Submit(new Work { Candidates = candidates });

    public ValueTask CompleteAsync(FrontierLease lease, UrlOutcome outcome, IReadOnlyList<TItem> items, List<FrontierCandidate> links, CancellationToken cancellationToken) =>
        Submit(new Work { Lease = lease, Outcome = outcome, Items = items, Candidates = links });

    public bool TryLease(string host, out FrontierLease lease)
    {
        lock (_lock)
        {
            if (!_hosts.TryGetValue(host, out var queue))
            {
                lease = default;
                return false;
            }

            var taken = queue.Window.TryDequeue(out lease);
            if (taken)
            {
                queue.Queued--;
                _queued--;
                _leased++;
            }

            if (queue.Spilled && !queue.RefillRequested && queue.Window.Count <= RefillAt)
            {
                queue.RefillRequested = _work.TryAdd(new Work { Refill = queue });
            }

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

    /// <summary>
    /// Reports every URL still to fetch in this run (the windows, then the rest from disk in chunks) and forgets them
    /// for this run; on disk they stay to fetch, for the next run.
    /// </summary>
    public async IAsyncEnumerable<FrontierLease> ReleaseQueuedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<HostQueue> hosts;
        lock (_lock)
        {
            hosts = [.. _hosts.Values.Where(q => q.Queued > 0)];
        }

        foreach (var host in hosts)
        {
            // On the store's thread, after any refill already queued for the host, so none lands after the release.
            var more = true;
            while (more)
            {
                var work = new Work { Release = host };
                await Submit(work).ConfigureAwait(false);
                foreach (var lease in work.Released!)
                {
                    yield return lease;
                }

                more = work.MoreToRelease;
            }
        }
    }

    /// <summary>Commits what is queued, writes and syncs the output and records its mark, closes the database and releases the lock.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_flushTimer is not null)
        {
            await _flushTimer.DisposeAsync().ConfigureAwait(false);
        }

        _work.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        finally
        {
            _output?.Dispose();
            _sql.Dispose();
            _db.Dispose();
        }
    }

    private ValueTask Submit(Work work)
    {
        work.Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_work.TryAdd(work))
        {
            throw new ObjectDisposedException(nameof(SqliteFrontierStore<TItem>), "The state store is closed.");
        }

        return new ValueTask(work.Done.Task);
    }

    private void LoadQueues()
    {
        using (var command = _db.Connection.CreateCommand())
        {
            command.CommandText = "SELECT id, name FROM host";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var host = new HostQueue(reader.GetInt64(0), reader.GetString(1));
                _hosts[host.Name] = host;
                _nextHostId = Math.Max(_nextHostId, host.Id);
            }
        }

        var byId = _hosts.Values.ToDictionary(h => h.Id);
        using (var command = _db.Connection.CreateCommand())
        {
            command.CommandText = "SELECT host_id, count(*) FROM url WHERE state = 0 GROUP BY host_id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var host = byId[reader.GetInt64(0)];
                host.Queued = reader.GetInt64(1);
                host.Spilled = host.Queued > 0;
                _queued += host.Queued;
            }
        }

        _nextHostId++;
        _admitted = _db.Scalar("SELECT max(id) FROM url");
        _nextId = _admitted + 1;
        _nextSeq = _db.Scalar("SELECT max(seq) FROM item") + 1;
    }

    private OutputProjection OpenOutput(string outputPath)
    {
        OutputMark? mark = _db.ReadText(StateSchema.OutputPath) is { } markedPath
            ? new OutputMark(markedPath, _db.ReadNumber(StateSchema.OutputSeq), _db.ReadNumber(StateSchema.OutputLength))
            : null;
        try
        {
            var (projection, now) = OutputProjection.Open(outputPath, _encoder.Header, mark, _sql.ItemsAfter);
            try
            {
                RecordMark(now);
                return projection;
            }
            catch
            {
                projection.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException and not ScrapeOptionsException)
        {
            throw new ScrapeOptionsException(nameof(ScrapeOptions.OutputPath), $"'{outputPath}' cannot be written: {e.Message}");
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw new ScrapeOptionsException(nameof(ScrapeOptions.StateDirectory), $"'{_db.DatabasePath}' cannot be read or written while repairing the output '{outputPath}': {e.Message}");
        }
    }

    private void Loop()
    {
        var batch = new List<Work>(MaxBatch);
        while (_work.Take(batch))
        {
            try
            {
                Process(batch);
            }
            catch (Exception e)
            {
                Break(e, batch);
            }

            batch.Clear();
        }

        if (_broken is null && _output is not null)
        {
            RecordMark(_output.Flush());
        }
    }

    /// <summary>Leased URLs whose completion has not reached the store yet: how many more writes are coming.</summary>
    /// <remarks>Read without the store's lock (the queue's lock is held; <see cref="TryLease"/> takes them the other way round).</remarks>
    private long CompletionsOutstanding(int queued) => Volatile.Read(ref _leased) - queued;

    /// <summary>The state could not be read or written: every waiting caller and every later one gets the error, and the run is told to stop.</summary>
    private void Break(Exception e, List<Work> waiting)
    {
        if (_broken is null)
        {
            _broken = e is IOException ? e : new IOException($"The crawl state '{_db.DatabasePath}' could not be written: {e.Message}", e);
            _failed(_broken);
        }

        foreach (var work in waiting)
        {
            work.Done?.TrySetException(_broken);
        }
    }

    private void Process(List<Work> batch)
    {
        _writes.Clear();
        foreach (var work in batch)
        {
            if (work == Work.Flush)
            {
                _flushDue = true;
            }
            else if (work.Candidates is not null)
            {
                Encode(work);
                _writes.Add(work);
            }
        }

        if (_writes.Count > 0)
        {
            CommitWrites();
        }

        foreach (var work in batch)
        {
            if (work.Refill is not null)
            {
                Refill(work.Refill);
            }
            else if (work.Release is not null)
            {
                Release(work);
            }
        }

        if (_broken is not null)
        {
            Break(_broken, batch);
        }
        else if (_flushDue && _output is { Dirty: true })
        {
            _flushDue = false;
            RecordMark(_output.Flush());
        }
    }

    /// <summary>
    /// Encodes a completion's items as output records, before its transaction. An item whose format throws (a user's
    /// <c>IFormattable</c>, say) fails its page, not the run: the page is committed as an extraction failure without
    /// its items, and the caller learns it through <see cref="ItemNotWritableException"/>.
    /// </summary>
    private void Encode(Work work)
    {
        if (work.Items is not { Count: > 0 } items || _broken is not null)
        {
            return;
        }

        try
        {
            work.Records = new byte[items.Count][];
            for (var i = 0; i < items.Count; i++)
            {
                _record.ResetWrittenCount();
                _encoder.Encode(items[i], _record);
                work.Records[i] = _record.WrittenSpan.ToArray();
            }
        }
        catch (Exception e) when (work.Outcome is { } outcome)
        {
            work.Outcome = ItemNotWritableException.FailedOutcome(outcome, e);
            work.Items = null;
            work.Records = null;
            work.NotWritable = true;
        }
    }

    /// <summary>One group commit: every admission and completion of the batch in one transaction, then published.</summary>
    private void CommitWrites()
    {
        if (_broken is not null)
        {
            foreach (var work in _writes)
            {
                work.Done!.TrySetException(_broken);
            }

            return;
        }

        _admittedNow.Clear();
        _committedNow.Clear();
        Array.Clear(_outcomeCounts);
        var firstId = _nextId;
        var firstSeq = _nextSeq;
        var firstHostId = _nextHostId;
        try
        {
            _sql.Begin();
            foreach (var work in _writes)
            {
                if (work.Outcome is { } outcome)
                {
                    CompleteOne(work.Lease, outcome, work.Records);
                }

                Admit(work.Candidates!);
            }

            for (var kind = 0; kind < _outcomeCounts.Length; kind++)
            {
                if (_outcomeCounts[kind] > 0)
                {
                    _sql.AddToCounter(CounterOf((OutcomeKind)kind), _outcomeCounts[kind]);
                }
            }

            _sql.Commit();
        }
        catch (Exception e)
        {
            try
            {
                _sql.Rollback();
            }
            catch (Exception)
            {
                // The transaction may not have started, or SQLite rolled it back already.
            }

            _nextId = firstId;
            _nextSeq = firstSeq;
            _nextHostId = firstHostId;
            Break(e, _writes);
            return;
        }

        Publish();
        if (_output is not null)
        {
            foreach (var (seq, record) in _committedNow)
            {
                _output.Append(seq, record);
            }
        }

        foreach (var work in _writes)
        {
            if (work.NotWritable)
            {
                work.Done!.TrySetException(new ItemNotWritableException(work.Outcome!));
            }
            else
            {
                work.Done!.TrySetResult();
            }
        }
    }

    private void CompleteOne(FrontierLease lease, UrlOutcome outcome, byte[][]? records)
    {
        if (outcome is { Kind: OutcomeKind.Skipped, SkipReason: SkipReason.Cancelled })
        {
            // The run stopped before the URL was fetched or while it was: it stays to fetch, for the next run.
            return;
        }

        var reason = outcome.Kind switch
        {
            OutcomeKind.Skipped => (int)outcome.SkipReason,
            OutcomeKind.Failed => (int)outcome.FailureReason,
            _ => 0,
        };
        _sql.CompleteUrl(lease.Id, outcome.Kind, reason, outcome.StatusCode, outcome.Attempts, outcome.FinalUrl, outcome.Message);
        _outcomeCounts[(int)outcome.Kind]++;
        foreach (var record in records ?? [])
        {
            var seq = _nextSeq++;
            _sql.InsertItem(seq, lease.Id, record);
            _committedNow.Add((seq, record));
        }
    }

    private void Admit(List<FrontierCandidate> candidates)
    {
        var span = CollectionsMarshal.AsSpan(candidates);
        for (var i = 0; i < span.Length; i++)
        {
            ref var candidate = ref span[i];
            if (candidate.Skip != SkipReason.None)
            {
                continue;
            }

            var key = UrlKey.Of(candidate.Url);
            if (_sql.Seen(key, candidate.Url))
            {
                candidate.Skip = SkipReason.Duplicate;
                continue;
            }

            if (_maxPages > 0 && _nextId - 1 >= _maxPages)
            {
                candidate.Skip = SkipReason.MaxPages;
                candidate.Message = $"Limits.MaxPages ({_maxPages}) reached";
                continue;
            }

            var host = HostOf(candidate.Host);
            var id = _nextId++;
            _sql.InsertUrl(id, key, candidate.Url, host.Id, candidate.PageType, candidate.Depth);
            _admittedNow.Add((host, new FrontierLease(id, candidate.Target!, host.Name, candidate.PageType, candidate.Depth)));
        }
    }

    private HostQueue HostOf(string name)
    {
        lock (_lock)
        {
            if (_hosts.TryGetValue(name, out var known))
            {
                return known;
            }
        }

        var host = new HostQueue(_nextHostId++, name);
        _sql.InsertHost(host.Id, name);
        lock (_lock)
        {
            _hosts[name] = host;
        }

        return host;
    }

    /// <summary>After a commit: the admitted URLs join their hosts' windows (or stay on disk), the counts move.</summary>
    private void Publish()
    {
        lock (_lock)
        {
            foreach (var (host, lease) in _admittedNow)
            {
                _admitted++;
                _queued++;
                host.Queued++;
                if (!host.Spilled && host.Window.Count < WindowCapacity)
                {
                    host.Window.Enqueue(lease);
                    host.LoadedThrough = lease.Id;
                }
                else
                {
                    host.Spilled = true;
                }
            }

            foreach (var work in _writes)
            {
                if (work.Outcome is { } outcome)
                {
                    _leased--;
                    if (outcome is not { Kind: OutcomeKind.Skipped, SkipReason: SkipReason.Cancelled })
                    {
                        _completed++;
                    }
                }
            }
        }
    }

    /// <summary>Loads the next URLs of a host into its window.</summary>
    private void Refill(HostQueue host)
    {
        long after;
        int room;
        lock (_lock)
        {
            after = host.LoadedThrough;
            room = WindowCapacity - host.Window.Count;
            if (!host.Spilled || room <= 0 || _broken is not null)
            {
                host.RefillRequested = false;
                return;
            }
        }

        var loaded = _sql.Queued(host, after, room);
        lock (_lock)
        {
            foreach (var lease in loaded)
            {
                host.Window.Enqueue(lease);
            }

            if (loaded.Count > 0)
            {
                host.LoadedThrough = loaded[^1].Id;
            }

            host.Spilled = loaded.Count == room;
            host.RefillRequested = false;
        }

        if (loaded.Count > 0)
        {
            _hostReady(host.Name);
        }
    }

    /// <summary>The run stops: the next chunk of a host's URLs on disk, reported and forgotten for this run.</summary>
    private void Release(Work work)
    {
        var host = work.Release!;
        long after;
        lock (_lock)
        {
            after = host.LoadedThrough;
        }

        var chunk = host.Spilled ? _sql.Queued(host, after, ReleaseChunk) : [];
        List<FrontierLease> released;
        lock (_lock)
        {
            // The window first (the first call finds it as the last refill left it), then the chunk read from disk.
            released = [.. host.Window, .. chunk];
            host.Window.Clear();
            if (chunk.Count > 0)
            {
                host.LoadedThrough = chunk[^1].Id;
            }

            host.Spilled = chunk.Count == ReleaseChunk;
            host.Queued -= released.Count;
            _queued -= released.Count;
        }

        work.Released = released;
        work.MoreToRelease = host.Spilled;
        work.Done!.TrySetResult();
    }

    private void RecordMark(OutputMark mark) => InTransaction(() =>
    {
        _sql.SetMeta(StateSchema.OutputPath, mark.Path);
        _sql.SetMeta(StateSchema.OutputSeq, mark.Seq);
        _sql.SetMeta(StateSchema.OutputLength, mark.Length);
    });

    private void InTransaction(Action write)
    {
        _sql.Begin();
        try
        {
            write();
            _sql.Commit();
        }
        catch
        {
            _sql.Rollback();
            throw;
        }
    }

    private static string CounterOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Processed => StateSchema.Processed,
        OutcomeKind.Skipped => StateSchema.Skipped,
        _ => StateSchema.Failed,
    };

    /// <summary>One request to the store's thread.</summary>
    private sealed class Work
    {
        /// <summary>The output's flush tick.</summary>
        public static readonly Work Flush = new();

        /// <summary>Admission: the candidates; completion: the page's links.</summary>
        public List<FrontierCandidate>? Candidates;

        /// <summary>A completion's lease.</summary>
        public FrontierLease Lease;

        /// <summary>A completion's outcome (<see langword="null"/> for an admission).</summary>
        public UrlOutcome? Outcome;

        /// <summary>A completion's items.</summary>
        public IReadOnlyList<TItem>? Items;

        /// <summary>The items as output records, encoded before the transaction.</summary>
        public byte[][]? Records;

        /// <summary>A host whose window needs refilling.</summary>
        public HostQueue? Refill;

        /// <summary>A host whose queued URLs are being released.</summary>
        public HostQueue? Release;

        /// <summary>The URLs released: the host's window, then a chunk from disk.</summary>
        public List<FrontierLease>? Released;

        /// <summary>Whether the host has more URLs on disk to release.</summary>
        public bool MoreToRelease;

        /// <summary>Whether the completion's items could not be encoded, so its page was committed as failed instead.</summary>
        public bool NotWritable;

        public TaskCompletionSource? Done;

        /// <summary>An admission or a completion (committed in a group), rather than a read or a tick.</summary>
        public bool IsWrite => Candidates is not null;
    }

    /// <summary>
    /// The store thread's queue: a list under a monitor (waiting never spins, which two cores shared with parse workers
    /// cannot afford). <see cref="Take"/> holds back a group of writes for up to <see cref="CommitWindow"/> while more
    /// completions are known to be coming (URLs in flight), so that one transaction commits many pages; reads and
    /// ticks are taken at once, and so is a group someone waits for (<see cref="CommitNow"/>). The store thread is woken
    /// only when it has something to do: work after idling, or a group that is complete (full, every URL in flight has
    /// reported, or a caller waits).
    /// </summary>
    private sealed class WorkQueue(SqliteFrontierStore<TItem> store)
    {
        private readonly List<Work> _items = [];
        private long _firstWriteAt;
        private int _writes;
        private int _completions;
        private bool _closed;
        private bool _now;
        private bool _idle;
        private bool _windowing;

        public bool TryAdd(Work work)
        {
            lock (_items)
            {
                if (_closed)
                {
                    return false;
                }

                if (work.IsWrite)
                {
                    if (_writes++ == 0)
                    {
                        _firstWriteAt = Stopwatch.GetTimestamp();
                    }

                    if (work.Outcome is not null)
                    {
                        _completions++;
                    }
                }

                _items.Add(work);
                if (_idle || (_windowing && !GroupOpen()))
                {
                    Monitor.Pulse(_items);
                }

                return true;
            }
        }

        /// <summary>A caller waits for its completion: the group is committed without waiting for more.</summary>
        public void CommitNow()
        {
            lock (_items)
            {
                _now = true;
                if (_windowing)
                {
                    Monitor.Pulse(_items);
                }
            }
        }

        public void Close()
        {
            lock (_items)
            {
                _closed = true;
                Monitor.Pulse(_items);
            }
        }

        /// <summary>Waits for work and moves it into <paramref name="batch"/>; false when closed and drained.</summary>
        public bool Take(List<Work> batch)
        {
            lock (_items)
            {
                while (true)
                {
                    if (_items.Count == 0)
                    {
                        if (_closed)
                        {
                            return false;
                        }

                        _idle = true;
                        Monitor.Wait(_items);
                        _idle = false;
                        continue;
                    }

                    if (GroupOpen())
                    {
                        var wait = CommitWindow - Stopwatch.GetElapsedTime(_firstWriteAt);
                        if (wait > TimeSpan.Zero)
                        {
                            _windowing = true;
                            Monitor.Wait(_items, wait);
                            _windowing = false;
                            continue;
                        }
                    }

                    var take = Math.Min(_items.Count, MaxBatch);
                    batch.AddRange(_items.GetRange(0, take));
                    _items.RemoveRange(0, take);
                    _writes = 0;
                    _completions = 0;
                    foreach (var work in _items)
                    {
                        if (work.IsWrite)
                        {
                            _writes++;
                            _completions += work.Outcome is null ? 0 : 1;
                        }
                    }

                    _firstWriteAt = Stopwatch.GetTimestamp();
                    _now = false;
                    return true;
                }
            }
        }

        /// <summary>Whether the queued work is only writes that may wait for more: not full, not closing, URLs still in flight.</summary>
        private bool GroupOpen() =>
            _writes == _items.Count && _writes < MaxBatch && !_closed && !_now && store.CompletionsOutstanding(_completions) > 0;
    }
}
