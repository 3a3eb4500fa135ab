using Microsoft.Extensions.Logging;

namespace DeclarativeScrape;

/// <summary>
/// The store of a run with a <see cref="ScrapeOptions.StateDirectory"/>: seen set, per-host queues, outcomes and items in
/// SQLite (<see cref="StateDatabase"/>, <see cref="StateSchema"/>, <see cref="StoreStatements"/>), so that a run stopped or
/// killed at any moment resumes where it was, and the output file (<see cref="StateOutput"/>) holds every item exactly once.
/// </summary>
/// <remarks>
/// <para>One thread owns the connection and commits in groups (<see cref="PersistentCrawlStore{TItem}"/>): each caller's
/// task completes only after its group committed, so nothing is acknowledged before it is durable.</para>
/// <para>A completion is one unit in its transaction: the URL's outcome, its items (as the exact bytes of their output
/// records) and its links' admission (<see cref="AdmissionPolicy"/>). A URL in flight is not written at all: it is still
/// "to fetch" on disk, so a killed run's leases return to the queue by themselves.</para>
/// <para>Memory: the seen set and the queues stay on disk; the run leases from per-host windows refilled by the store's
/// thread. A refill that lands wakes the run through <c>hostReady</c>.</para>
/// <para>Output: the items committed by a group are appended to the output in commit order; once a second (and when
/// the run ends) the file is written and synced and its mark recorded.</para>
/// </remarks>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
internal sealed class SqliteCrawlStore<TItem> : PersistentCrawlStore<TItem>, IFrontierSet
{
    /// <summary>URLs read per step when the run stops and the queued URLs are reported.</summary>
    public const int ReleaseChunk = 1024;

    private readonly StateDatabase _db;
    private readonly StoreStatements _sql;
    private readonly ItemEncoder<TItem> _encoder;
    private readonly StateOutput? _output;
    private readonly Action<string> _hostReady;
    private readonly ITimer? _flushTimer;

    // The store's thread only.
    private readonly List<(HostQueue Host, FrontierLease Lease)> _admittedNow = [];
    private readonly List<(long Seq, byte[] Record)> _committedNow = [];
    private readonly List<FrontierLease> _doneNow = [];
    private readonly List<StoreWork> _writes = [];
    private readonly long[] _outcomeCounts = new long[3];
    private long _nextSeq;
    private long _nextHostId;
    private string? _keyOf;
    private long _key;
    private bool _flushDue;

    private SqliteCrawlStore(StateDatabase db, CrawlPlan<TItem> plan, string? outputPath, int maxPages, TimeProvider time, ILogger logger, Action<string> hostReady, Action<Exception> failed)
        : base(time, failed)
    {
        _db = db;
        _hostReady = hostReady;
        _sql = new StoreStatements(db.Connection);
        try
        {
            _encoder = ItemEncoder<TItem>.For(db.ItemFormat, plan.Format);
            var earlierRuns = db.ReadNumber(StateSchema.Runs);
            Admission = new AdmissionPolicy(maxPages, LoadQueues());
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
                    Carried = Windows.Queued,
                    Processed = db.ReadNumber(StateSchema.Processed),
                    Skipped = db.ReadNumber(StateSchema.Skipped),
                    Failed = db.ReadNumber(StateSchema.Failed),
                    Items = _nextSeq - 1,
                };
                StateLog.Resumed(logger, db.DatabasePath, earlierRuns, Resumed.Carried, Resumed.Processed, Resumed.Skipped, Resumed.Failed, Resumed.Items);
            }

            if (outputPath is not null)
            {
                _output = StateOutput.Open(db, _sql, OutputFraming.For(ItemWriter<TItem>.FormatOf(outputPath)!, _encoder.Header), outputPath);
                StateLog.OutputOpened(logger, _output.Path, _output.Repair);
                _flushTimer = time.CreateTimer(static s => ((SqliteCrawlStore<TItem>)s!).Work.TryAdd(FlushWork.Instance), this, ItemWriter<TItem>.FlushInterval, ItemWriter<TItem>.FlushInterval);
            }

            // Counted once everything opened: a run refused at start-up is not a run.
            _sql.InTransaction(() => _sql.AddToCounter(StateSchema.Runs, 1));
        }
        catch
        {
            // The statements go before the connection closes (with statements left, SQLite would keep the file open).
            _flushTimer?.Dispose();
            _output?.Dispose();
            _sql.Dispose();
            Work.Dispose();
            throw;
        }

        StartLoop();
    }

    /// <summary>Opens the state in <paramref name="directory"/> for a run of <paramref name="plan"/>.</summary>
    /// <param name="directory">The state directory.</param>
    /// <param name="plan">The scraper's plan (name, fingerprint, item format).</param>
    /// <param name="outputPath">The output file, repaired and completed from the state; <see langword="null"/> for none.</param>
    /// <param name="maxPages">The most URLs admitted, over all runs of the state; 0 for no limit.</param>
    /// <param name="time">The clock of group commits and the output's flushes.</param>
    /// <param name="logger">Where the open is reported.</param>
    /// <param name="hostReady">Called (on the store's thread) when URLs of a host became leasable after a refill.</param>
    /// <param name="failed">Called (on the store's thread) when the state could not be read or written: the run must stop.</param>
    /// <exception cref="ScrapeOptionsException">The state or the output cannot be used; the message names the file.</exception>
    public static SqliteCrawlStore<TItem> Open(string directory, CrawlPlan<TItem> plan, string? outputPath, int maxPages, TimeProvider time, ILogger logger, Action<string> hostReady, Action<Exception> failed)
    {
        var db = StateDatabase.Open(directory, plan.Name, plan.SchemaFingerprint, outputPath is null ? null : OutputFraming.RecordFormatOf(ItemWriter<TItem>.FormatOf(outputPath)!));
        try
        {
            return new SqliteCrawlStore<TItem>(db, plan, outputPath, maxPages, time, logger, hostReady, failed);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    protected override async ValueTask OnClosingAsync()
    {
        if (_flushTimer is not null)
        {
            await _flushTimer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The output is written and synced and its mark recorded.</summary>
    protected override void OnLoopEnded() => _output?.Flush();

    /// <summary>Closes the database and releases the lock.</summary>
    protected override void Release()
    {
        _output?.Dispose();
        _sql.Dispose();
        _db.Dispose();
    }

    protected override Exception Describe(Exception error) =>
        error is IOException ? error : new IOException($"The crawl state '{_db.DatabasePath}' could not be written: {error.Message}", error);

    /// <summary>Loads the hosts and their counts of URLs to fetch.</summary>
    /// <returns>The URLs admitted so far (the highest id).</returns>
    private long LoadQueues()
    {
        var hosts = new Dictionary<long, HostQueue>();
        using (var command = _db.Connection.CreateCommand())
        {
            command.CommandText = "SELECT id, name FROM host";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var host = new HostQueue(reader.GetInt64(0), reader.GetString(1));
                hosts[host.Id] = host;
                _nextHostId = Math.Max(_nextHostId, host.Id);
            }
        }

        using (var command = _db.Connection.CreateCommand())
        {
            command.CommandText = "SELECT host_id, count(*) FROM url WHERE state = 0 GROUP BY host_id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                hosts[reader.GetInt64(0)].Queued = reader.GetInt64(1);
            }
        }

        foreach (var host in hosts.Values)
        {
            Windows.Load(host);
        }

        _nextHostId++;
        _nextSeq = _db.Scalar("SELECT max(seq) FROM item") + 1;
        return _db.Scalar("SELECT max(id) FROM url");
    }

    protected override void Process(List<StoreWork> batch)
    {
        _writes.Clear();
        foreach (var work in batch)
        {
            switch (work)
            {
                case FlushWork:
                    _flushDue = true;
                    break;
                case CompleteWork<TItem> completion:
                    if (Broken is null && completion.Page.Items.Count > 0)
                    {
                        completion.Records = Encode(completion, _encoder) ?? [];
                    }

                    _writes.Add(completion);
                    break;
                case AdmitWork:
                    _writes.Add(work);
                    break;
            }
        }

        if (_writes.Count > 0)
        {
            CommitWrites();
        }

        foreach (var work in batch)
        {
            switch (work)
            {
                case RefillWork refill when Broken is null:
                    if (Windows.Refill(refill.Host, _sql.Queued))
                    {
                        _hostReady(refill.Host.Name);
                    }

                    break;
                case ReleaseWork release:
                    release.Done.TrySetResult(Windows.Release(release.Host, ReleaseChunk, _sql.Queued));
                    break;
            }
        }

        if (Broken is not null)
        {
            Break(Broken, batch);
        }
        else if (_flushDue && _output is { Dirty: true })
        {
            _flushDue = false;
            _output.Flush();
        }
    }

    /// <summary>One group commit: every admission and completion of the batch in one transaction, then published.</summary>
    private void CommitWrites()
    {
        if (Broken is not null)
        {
            foreach (var work in _writes)
            {
                work.Fail(Broken);
            }

            return;
        }

        _admittedNow.Clear();
        _doneNow.Clear();
        _committedNow.Clear();
        Array.Clear(_outcomeCounts);
        var admitted = Admission.Admitted;
        var firstSeq = _nextSeq;
        var firstHostId = _nextHostId;
        var completions = 0;
        try
        {
            _sql.Begin();
            foreach (var work in _writes)
            {
                if (work is CompleteWork<TItem> completion)
                {
                    completions++;
                    if (!completion.LeavesUrlQueued)
                    {
                        CompleteOne(completion);
                        _doneNow.Add(completion.Page.Lease);
                    }

                    Admission.Admit(completion.Page.Links, this);
                }
                else
                {
                    Admission.Admit(((AdmitWork)work).Candidates, this);
                }
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

            Admission.Admitted = admitted;
            _nextSeq = firstSeq;
            _nextHostId = firstHostId;
            Break(e, _writes);
            return;
        }

        Windows.Publish(_admittedNow, completions, _doneNow);
        foreach (var (seq, record) in _committedNow)
        {
            _output?.Append(seq, record);
        }

        foreach (var work in _writes)
        {
            if (work is CompleteWork<TItem> completion)
            {
                completion.Done.TrySetResult(completion.Result);
            }
            else
            {
                ((AdmitWork)work).Done.TrySetResult();
            }
        }
    }

    private void CompleteOne(CompleteWork<TItem> work)
    {
        var outcome = work.Result.Outcome;
        var reason = outcome.Kind switch
        {
            OutcomeKind.Skipped => (int)outcome.SkipReason,
            OutcomeKind.Failed => (int)outcome.FailureReason,
            _ => 0,
        };
        var id = work.Page.Lease.Id;
        _sql.CompleteUrl(id, outcome.Kind, reason, outcome.StatusCode, outcome.Attempts, outcome.FinalUrl, outcome.Message);
        _outcomeCounts[(int)outcome.Kind]++;
        foreach (var record in work.Records)
        {
            var seq = _nextSeq++;
            _sql.InsertItem(seq, id, record);
            _committedNow.Add((seq, record));
        }
    }

    bool IFrontierSet.Contains(in FrontierCandidate candidate)
    {
        _keyOf = candidate.Url;
        _key = UrlKey.Of(candidate.Url);
        return _sql.Seen(_key, candidate.Url);
    }

    /// <summary>Inserts an admitted URL; its id is the admission count after it (ids run 1, 2, … in admission order).</summary>
    void IFrontierSet.Add(in FrontierCandidate candidate)
    {
        var key = ReferenceEquals(_keyOf, candidate.Url) ? _key : UrlKey.Of(candidate.Url);
        var host = HostOf(candidate.Host);
        var id = Admission.Admitted + 1;
        _sql.InsertUrl(id, key, candidate.Url, host.Id, candidate.PageType, candidate.Depth, candidate.Carried is { } carried ? CarriedValuesJson.Write(carried) : null, candidate.Rank);
        _admittedNow.Add((host, new FrontierLease(id, candidate.Target!, host.Name, candidate.PageType, candidate.Depth, candidate.Carried, candidate.Rank)));
    }

    private HostQueue HostOf(string name)
    {
        if (Windows.Find(name) is { } known)
        {
            return known;
        }

        var host = new HostQueue(_nextHostId++, name);
        _sql.InsertHost(host.Id, name);
        Windows.Add(host);
        return host;
    }

    private static string CounterOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Processed => StateSchema.Processed,
        OutcomeKind.Skipped => StateSchema.Skipped,
        _ => StateSchema.Failed,
    };
}
