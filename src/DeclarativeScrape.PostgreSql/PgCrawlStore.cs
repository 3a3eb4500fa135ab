using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DeclarativeScrape.PostgreSql;

/// <summary>
/// The store of one worker of a crawl shared in PostgreSQL (<see cref="ScrapeOptions.StateDatabase"/>): the seen set,
/// the per-host queues, the leases, every URL's outcome and the items live in the database (<see cref="PgSchema"/>), and
/// every worker given the same URI and scraper works on the same crawl.
/// </summary>
/// <remarks>
/// <para>One thread (the store's) owns the worker's connection, as in the state directory's store: admissions and
/// completions are committed in groups (<see cref="GroupCommit"/>), each page one unit in its transaction. A completion
/// only counts when the worker still holds the URL's lease (<c>state = 1 AND worker_id = me</c>): a worker cut off from
/// the database longer than its lease timeout finds its URLs taken back and completed by others, and writes none of
/// their items again.</para>
/// <para>Leases: the run leases from per-host windows (<see cref="HostWindows"/>) that the store's thread fills by
/// leasing the oldest queued URLs of the host in the database (<c>FOR UPDATE SKIP LOCKED</c>: workers never wait on
/// each other's leases). A worker's leases last while it beats (every third of its lease timeout); any worker declares
/// one whose beat is late by more than the lease timeout lost, and its leased URLs go back to the queue.</para>
/// <para>The database going away: every statement is tried again with a doubling backoff; a transaction that failed
/// at its commit is redone, and completions it did commit are recognised, not redone. When the database stays away for
/// <see cref="PgSettings.RetryFor"/>, the store breaks and the run stops with a message saying so.</para>
/// </remarks>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
internal sealed class PgCrawlStore<TItem> : PersistentCrawlStore<TItem>, IFrontierSet
{
    private readonly PgDatabase _db;
    private readonly PgSettings _pg;
    private readonly CrawlPlan<TItem> _plan;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<string> _hostReady;
    private readonly Action _wake;
    private readonly OutcomeRecorder _recorder;
    private readonly ItemEncoder<TItem> _json;
    private readonly ItemEncoder<TItem>? _csv;
    private readonly bool _limitsPages;
    private readonly string? _outputPath;
    private readonly ITimer _tick;
    private readonly int _worker;
    private readonly int _perHost;
    private readonly SharedHosts _shared;
    private readonly SharedRobots _robots;

    private const string LeaseLost = "this worker's lease on the URL expired (it lost touch with the database); another worker fetches it";

    // The store's thread only.
    private readonly Dictionary<string, HostQueue> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<StoreWork> _writes = [];
    private readonly HashSet<string> _batchSeen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _joinChecked = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _admittedHosts = [];
    private readonly long[] _skipped = new long[Enum.GetValues<SkipReason>().Length];
    private NpgsqlConnection? _connection;
    private PgStatements _sql = default!;
    private HashSet<string> _seen = [];
    private long _sentRequests;
    private long _sentBytes;
    private long _sentRetries;
    private long _othersLeased;
    private SharedCrawlSummary? _summary;

    private PgCrawlStore(PgDatabase db, PgSettings pg, StoreContext<TItem> context, int windowCapacity)
        : base(context.Time, context.Failed, windowCapacity, windowCapacity / 2)
    {
        _db = db;
        _pg = pg;
        _plan = context.Plan;
        _time = context.Time;
        _logger = context.Logger;
        _hostReady = context.HostReady;
        _wake = context.Wake;
        _recorder = context.Recorder;
        _json = ItemEncoder<TItem>.For("jsonl", _plan.Format);
        _csv = _plan.Format.CsvColumns.Count > 0 ? ItemEncoder<TItem>.For("csv", _plan.Format) : null;
        _limitsPages = context.Settings.MaxPages > 0;
        _outputPath = context.Settings.OutputPath;
        _perHost = context.Settings.PerHost;
        _shared = new SharedHosts(_time, host => Work.TryAdd(new PermitWork(host)), (host, delay) => Work.TryAdd(new PauseWork(host, delay)), Work.TryAdd, rate => Work.TryAdd(rate));
        _robots = new SharedRobots(_time, Submit);
        Admission = new AdmissionPolicy(context.Settings.MaxPages);
        _connection = db.DataSource.OpenConnection();
        try
        {
            _worker = PgStatements.Join(_connection, db.Uri.Schema, $"{Environment.MachineName}:{Environment.ProcessId}", pg.LeaseTimeout, context.Settings.PerHost);
            _sql = new PgStatements(_connection, db.Uri.Schema, _worker);
            Resumed = db.Created ? null : ReadResumed();
            _sql.Heartbeat();
            Discover();
            PgLog.Joined(_logger, db.Uri.Display, _worker, db.Created ? "a new crawl" : $"a crawl with {Resumed!.Carried} URLs queued");
        }
        catch
        {
            _connection.Dispose();
            Work.Dispose();
            throw;
        }

        _tick = _time.CreateTimer(static s => ((PgCrawlStore<TItem>)s!).Work.TryAdd(TickWork.Instance), this, pg.TickInterval, pg.TickInterval);
        StartLoop();
    }

    /// <summary>Opens the shared crawl at <paramref name="uri"/> for one worker running <paramref name="context"/>'s plan.</summary>
    /// <exception cref="ScrapeOptionsException">The URI, the server or the database cannot be used; the message says why.</exception>
    public static PgCrawlStore<TItem> Open(PostgreSqlUri uri, PgSettings pg, StoreContext<TItem> context)
    {
        var db = PgDatabase.Open(uri, context.Plan.Name, context.Plan.SchemaFingerprint);
        try
        {
            // Small windows: a worker holds leases on its window's URLs, which other workers cannot take meanwhile.
            return new PgCrawlStore<TItem>(db, pg, context, Math.Clamp(context.Settings.MaxConcurrency * 2, 8, HostWindows.WindowCapacity));
        }
        catch (Exception e) when (e is NpgsqlException && e is not PostgresException)
        {
            db.Dispose();
            throw PgDatabase.Problem(uri, $"went away while the worker joined: {e.Message}");
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The whole crawl as the database held it when this worker left; set when the store is disposed.</summary>
    public override SharedCrawlSummary? Shared => _summary;

    /// <summary>URLs in this worker's windows and queued in the database, and URLs other workers hold (their pages may bring more).</summary>
    public override FrontierCounts Counts
    {
        get
        {
            var counts = base.Counts;
            return counts with { Queued = counts.Queued + Volatile.Read(ref _othersLeased) };
        }
    }

    public override ISharedPoliteness Politeness => _shared;

    public override ISharedRobots Robots => _robots;

    protected override ValueTask OnClosingAsync() => _tick.DisposeAsync();

    /// <summary>
    /// This worker leaves the crawl; the last one out reads the whole crawl's summary and, given an output file, writes
    /// every item of the crawl to it.
    /// </summary>
    protected override async ValueTask OnClosedAsync()
    {
        _summary = Retrying(Leave);
        if (_summary.LastOut && _outputPath is not null)
        {
            await PgCrawlReader.ExportAsync(_db.DataSource, _db.Uri, _plan, _outputPath, CancellationToken.None).ConfigureAwait(false);
        }
    }

    protected override void Release()
    {
        _connection?.Dispose();
        _db.Dispose();
    }

    protected override Exception Describe(Exception error) =>
        error as StateUnavailableException ?? new StateUnavailableException($"The crawl's database '{_db.Uri.Display}' failed: {error.Message}", error);

    protected override void Process(List<StoreWork> batch)
    {
        if (Broken is not null)
        {
            Break(Broken, batch);
            return;
        }

        _writes.Clear();
        var tick = false;
        foreach (var work in batch)
        {
            switch (work)
            {
                case CompleteWork<TItem> completion:
                    if (completion.Page.Items.Count > 0 && Encode(completion, _json) is { } json)
                    {
                        completion.Records = json;
                        completion.CsvRecords = _csv is null ? null : Encode(completion, _csv);
                        if (_csv is not null && completion.CsvRecords is null)
                        {
                            completion.Records = [];
                        }
                    }

                    _writes.Add(completion);
                    break;
                case AdmitWork:
                    _writes.Add(work);
                    break;
                case TickWork:
                    tick = true;
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
                case RefillWork refill:
                    if (Windows.Refill(refill.Host, (host, _, room) => Retrying(() => Lease(host, room))))
                    {
                        _hostReady(refill.Host.Name);
                    }

                    break;
                case ReleaseWork release:
                    // The window only: a stopping worker leases nothing more.
                    var (released, _) = Windows.Release(release.Host, HostWindows.WindowCapacity, static (_, _, _) => []);
                    var ids = released.Select(l => l.Id).ToArray();
                    Retrying(() => _sql.Return(ids));
                    release.Done.TrySetResult((released, false));
                    break;
                case PermitWork permit:
                    if (_joinChecked.Add(permit.Host) && Retrying(() => _sql.LearnedByOthers(permit.Host)) is { Workers: > 0 } others)
                    {
                        _shared.Joined(permit.Host, others.Total, others.Workers);
                    }

                    Retrying(() => Balance(permit.Host, wanting: true));
                    break;
                case PauseWork pause:
                    Retrying(() => _sql.PauseHost(pause.Host, pause.Delay));
                    break;
                case RateWork rate:
                    Retrying(() => _sql.PublishRate(rate.Host, rate.RequestsPerSecond));
                    break;
                case RobotsWork robots when robots.ToStore is { } fetched:
                    Retrying(() => _sql.StoreRobots(robots.Origin, fetched));
                    robots.Done.TrySetResult((false, fetched));
                    break;
                case RobotsWork robots:
                    robots.Done.TrySetResult(Retrying(() => _sql.ClaimRobots(robots.Origin)));
                    break;
                case PaceWork pace:
                    var ahead = Retrying(() => _sql.Reserve(pace.Host, pace.Pace.Interval * pace.Count, TimeSpan.FromSeconds(1) / pace.Pace.Interval));
                    _shared.Reserved(pace.Host, pace.Pace, pace.Count, ahead);
                    _hostReady(pace.Host);
                    break;
            }
        }

        if (tick)
        {
            Retrying(Tick);
        }
    }

    /// <summary>Beats, takes back the leases of lost workers, and looks for work queued by others.</summary>
    private void Tick()
    {
        if (!_sql.Heartbeat())
        {
            throw new StateUnavailableException(
                $"This worker was declared lost: it could not reach the crawl's database '{_db.Uri.Display}' for longer than its lease timeout ({_pg.LeaseTimeout.TotalSeconds:0.#} s), so its leased URLs went back to the queue for other workers. Start it again to rejoin the crawl.");
        }

        FlushCounts();
        var (lost, urls) = _sql.ReclaimLost();
        if (lost > 0)
        {
            PgLog.Reclaimed(_logger, lost, urls);
        }

        Discover();
        foreach (var (host, _, inUse, wanting) in _shared.Active())
        {
            var busy = inUse > 0 || Windows.QueuedFor(host) > 0;
            if (!busy)
            {
                _shared.Idle(host);
            }

            Balance(host, wanting && busy);
        }
    }

    /// <summary>
    /// Sets this worker's permits on a host to its fair share of the host's limit (the smallest per-host limit of the
    /// running workers): max-min fair among the workers that want some, raised only within what the others leave free,
    /// under a lock on the host's row; and reads the host's pause.
    /// </summary>
    private void Balance(string host, bool wanting)
    {
        var wanted = wanting ? _perHost : 0;
        int granted;
        using (var transaction = _connection!.BeginTransaction())
        {
            var (id, paused) = _sql.LockHost(host);
            var limit = _sql.HostLimit();
            var others = _sql.OtherPermits(id);
            var target = FairShare(limit, [.. others.Select(o => (o.Worker, o.Wanted)), (_worker, wanted)], _worker);
            var held = _shared.Granted(host);
            granted = target < held
                ? _shared.LowerTo(host, target)
                : Math.Min(target, Math.Max(held, limit - others.Sum(o => o.Permits)));
            _sql.SetPermits(id, granted, wanted);
            transaction.Commit();
            _shared.PausedFor(host, paused);
        }

        if (_shared.RaiseTo(host, granted))
        {
            _hostReady(host);
        }
    }

    /// <summary>
    /// A worker's max-min fair share of <paramref name="limit"/> among the workers that want permits: the smallest wants
    /// are met first and the rest split evenly, the odd permits going to the lowest worker ids. Every worker computes the
    /// same split from the same rows, so the shares add up to the limit, never more.
    /// </summary>
    internal static int FairShare(int limit, List<(int Worker, int Wanted)> workers, int me)
    {
        var wanting = workers.Where(w => w.Wanted > 0).OrderBy(w => w.Wanted).ThenBy(w => w.Worker).ToList();
        var remaining = limit;
        for (var i = 0; i < wanting.Count; i++)
        {
            var left = wanting.Count - i;
            var even = remaining / left;
            if (wanting[i].Wanted <= even)
            {
                if (wanting[i].Worker == me)
                {
                    return wanting[i].Wanted;
                }

                remaining -= wanting[i].Wanted;
                continue;
            }

            var rest = wanting.Skip(i).Select(w => w.Worker).Order().ToList();
            var rank = rest.IndexOf(me);
            return rank < 0 ? 0 : even + (rank < remaining - (even * left) ? 1 : 0);
        }

        return 0;
    }

    /// <summary>Reads the queued URLs of every host and the leases others hold; hosts with new work are announced to the run.</summary>
    private void Discover()
    {
        var (queued, others) = _sql.Work();
        foreach (var (name, count) in queued)
        {
            var host = HostNamed(name);
            if (Windows.SetWaiting(host, count))
            {
                _hostReady(name);
            }
        }

        foreach (var host in _hosts.Values)
        {
            if (!queued.ContainsKey(host.Name))
            {
                Windows.SetWaiting(host, 0);
            }
        }

        var before = Interlocked.Exchange(ref _othersLeased, others);
        if (before != 0 && others == 0)
        {
            _wake();   // the run may be finished now
        }
    }

    private HostQueue HostNamed(string name) =>
        _hosts.TryGetValue(name, out var host) ? host : AddHost(name, _sql.Hosts([name])[name]);

    private HostQueue AddHost(string name, int id)
    {
        var host = new HostQueue(id, name);
        _hosts[name] = host;
        Windows.Add(host);
        return host;
    }

    private List<FrontierLease> Lease(HostQueue host, int room)
    {
        var rows = _sql.Lease(host.Id, room);
        var leases = new List<FrontierLease>(rows.Count);
        foreach (var (id, url, pageType, depth, carried, rank) in rows)
        {
            leases.Add(new FrontierLease(id, new Uri(url), host.Name, pageType, depth, carried is null ? null : CarriedValuesJson.Read(carried), rank));
        }

        return leases;
    }

    /// <summary>One group commit, tried again as a whole when the database goes away; then the answers.</summary>
    private void CommitWrites()
    {
        Retrying(CommitOnce);
        foreach (var host in _admittedHosts)
        {
            Windows.AddWaiting(_hosts[host], 1);
        }

        var completions = _writes.Count(w => w is CompleteWork<TItem>);
        Windows.Publish([], completions, _writes.OfType<CompleteWork<TItem>>().Where(w => !w.LeavesUrlQueued).Select(w => w.Page.Lease));
        if (_writes.Any(w => w is AdmitWork))
        {
            // Start URLs another worker admitted first are duplicates here: the run must see that worker's leases
            // before it decides whether there is anything left to do.
            Retrying(Discover);
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

    private void CommitOnce()
    {
        Array.Clear(_skipped);
        _admittedHosts.Clear();

        // Hosts first, each in its own statement: a host row is harmless whether or not the group commits.
        var unknown = _writes.SelectMany(CandidatesOf).Where(c => c.Skip == SkipReason.None && !_hosts.ContainsKey(c.Host)).Select(c => c.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (unknown.Length > 0)
        {
            foreach (var (name, id) in _sql.Hosts(unknown))
            {
                AddHost(name, id);
            }
        }

        using var transaction = _connection!.BeginTransaction();
        Admission.Admitted = _limitsPages ? _sql.LockAdmitted() : 0;
        var before = Admission.Admitted;

        // Completions: a URL run stopping before its fetch goes back to the queue; the others count only when this worker
        // still holds their lease.
        var completions = _writes.OfType<CompleteWork<TItem>>().ToList();
        _sql.Return([.. completions.Where(c => c.LeavesUrlQueued).Select(c => c.Page.Lease.Id)]);
        var finishing = completions.Where(c => !c.LeavesUrlQueued).ToList();
        var completed = finishing.Count == 0 ? [] : _sql.Complete(
            [.. finishing.Select(c => c.Page.Lease.Id)],
            [.. finishing.Select(c => (short)c.Result.Outcome.Kind)],
            [.. finishing.Select(c => (short)ReasonOf(c.Result.Outcome))],
            [.. finishing.Select(c => c.Result.Outcome.StatusCode)],
            [.. finishing.Select(c => c.Result.Outcome.Attempts)],
            [.. finishing.Select(c => c.Result.Outcome.FinalUrl)],
            [.. finishing.Select(c => c.Result.Outcome.Message)]);
        var missing = finishing.Where(c => !completed.Contains(c.Page.Lease.Id)).Select(c => c.Page.Lease.Id).ToArray();
        var committedBefore = missing.Length == 0 ? [] : _sql.DoneByThisWorker(missing);

        var itemUrls = new List<long>();
        var json = new List<byte[]>();
        var csv = new List<byte[]?>();
        var lists = new List<List<FrontierCandidate>>();
        foreach (var completion in finishing)
        {
            var id = completion.Page.Lease.Id;
            if (committedBefore.Contains(id))
            {
                continue;   // an earlier try of this transaction did commit it, links and all
            }

            if (!completed.Contains(id))
            {
                // The lease was taken back while this worker was cut off: another worker does (or did) the page, and
                // finds its links again.
                completion.Result = new CompletionResult(completion.Page.Outcome with { Kind = OutcomeKind.Skipped, SkipReason = SkipReason.Cancelled, Message = LeaseLost }, ItemsKept: false);
                completion.Page.Links.Clear();
                continue;
            }

            var rows = completion.CsvRecords;
            for (var i = 0; i < completion.Records.Length; i++)
            {
                itemUrls.Add(id);
                json.Add(completion.Records[i]);
                csv.Add(rows?[i]);
            }

            lists.Add(completion.Page.Links);
        }

        if (itemUrls.Count > 0)
        {
            _sql.InsertItems([.. itemUrls], [.. json], [.. csv]);
        }

        lists.AddRange(_writes.OfType<AdmitWork>().Select(a => a.Candidates));
        Admit(lists);
        if (Admission.Admitted != before)
        {
            _sql.AddAdmitted(Admission.Admitted - before);
        }

        FlushCounts();
        transaction.Commit();
    }

    private static List<FrontierCandidate> CandidatesOf(StoreWork work) => work is CompleteWork<TItem> c ? c.Page.Links : ((AdmitWork)work).Candidates;

    /// <summary>
    /// Admits the candidates of the group by <see cref="AdmissionPolicy"/>: the seen set read once for all of them, then
    /// one insert; a URL another worker inserted meanwhile turns out a duplicate after all. The verdicts go back into the
    /// lists; the skips are counted for this worker's row.
    /// </summary>
    private void Admit(List<List<FrontierCandidate>> lists)
    {
        var fresh = lists.SelectMany(l => l).Where(c => c.Skip == SkipReason.None).Select(c => c.Url).Distinct(StringComparer.Ordinal).ToArray();
        _seen = fresh.Length == 0 ? [] : _sql.Seen(fresh);
        _batchSeen.Clear();
        foreach (var list in lists)
        {
            Admission.Admit(list, this);
        }

        if (_batchSeen.Count > 0)
        {
            var admitted = lists.SelectMany(l => l).Where(c => c.Skip == SkipReason.None).ToList();
            var ids = _sql.InsertUrls(
                [.. admitted.Select(c => c.Url)],
                [.. admitted.Select(c => (int)_hosts[c.Host].Id)],
                [.. admitted.Select(c => c.PageType)],
                [.. admitted.Select(c => c.Depth)],
                [.. admitted.Select(c => c.Carried is { } carried ? CarriedValuesJson.Write(carried) : null)],
                [.. admitted.Select(c => c.Rank)]);
            foreach (var list in lists)
            {
                var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
                for (var i = 0; i < span.Length; i++)
                {
                    if (span[i].Skip != SkipReason.None)
                    {
                        continue;
                    }

                    if (ids.ContainsKey(span[i].Url))
                    {
                        _admittedHosts.Add(span[i].Host);
                    }
                    else
                    {
                        Admission.AdmittedElsewhere(ref span[i]);
                    }
                }
            }
        }

        foreach (var candidate in lists.SelectMany(l => l))
        {
            if (candidate.Skip != SkipReason.None)
            {
                _skipped[(int)candidate.Skip]++;
            }
        }
    }

    bool IFrontierSet.Contains(in FrontierCandidate candidate) => _seen.Contains(candidate.Url) || _batchSeen.Contains(candidate.Url);

    void IFrontierSet.Add(in FrontierCandidate candidate) => _batchSeen.Add(candidate.Url);

    /// <summary>Adds this worker's counts since the last time to its row (in the current transaction, if one is open).</summary>
    private void FlushCounts()
    {
        var requests = _recorder.Requests;
        var bytes = _recorder.BytesReceived;
        var retries = _recorder.Retries;
        _sql.AddCounts(_skipped, requests - _sentRequests, bytes - _sentBytes, retries - _sentRetries);
        (_sentRequests, _sentBytes, _sentRetries) = (requests, bytes, retries);
        Array.Clear(_skipped);
    }

    private static int ReasonOf(UrlOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Skipped => (int)outcome.SkipReason,
        OutcomeKind.Failed => (int)outcome.FailureReason,
        _ => 0,
    };

    private ResumedState ReadResumed()
    {
        using var command = _sql.Command(
            $"""
            SELECT (SELECT count(*) FROM {_db.Uri.Schema}.worker WHERE id <> $1),
                   count(*) FILTER (WHERE state <> 2),
                   count(*) FILTER (WHERE state = 2 AND kind = 0),
                   count(*) FILTER (WHERE state = 2 AND kind = 1),
                   count(*) FILTER (WHERE state = 2 AND kind = 2),
                   (SELECT count(*) FROM {_db.Uri.Schema}.item)
            FROM {_db.Uri.Schema}.url
            """,
            _worker);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new ResumedState
        {
            StateFile = _db.Uri.Display,
            EarlierRuns = reader.GetInt64(0),
            Carried = reader.GetInt64(1),
            Processed = reader.GetInt64(2),
            Skipped = reader.GetInt64(3),
            Failed = reader.GetInt64(4),
            Items = reader.GetInt64(5),
        };
    }

    /// <summary>This worker leaves the crawl; the last one out reads the whole crawl's summary.</summary>
    private SharedCrawlSummary Leave()
    {
        using (var transaction = _connection!.BeginTransaction())
        {
            FlushCounts();
            var running = _sql.Leave();
            transaction.Commit();
            var summary = PgCrawlReader.Summarize(_sql.Connection, _db.Uri, _plan);
            return summary with { WorkersRunning = running, LastOut = running == 0 };
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the connection, reconnecting and trying again with a doubling backoff while the
    /// database is unreachable, for at most <see cref="PgSettings.RetryFor"/>; then the store breaks with a clear message.
    /// </summary>
    private T Retrying<T>(Func<T> action)
    {
        var started = _time.GetTimestamp();
        var delay = PgSettings.FirstRetryDelay;
        while (true)
        {
            try
            {
                if (_connection is null)
                {
                    _connection = _db.DataSource.OpenConnection();
                    _sql = new PgStatements(_connection, _db.Uri.Schema, _worker);
                }

                var result = action();
                _shared.Suspended = false;
                return result;
            }
            catch (Exception e) when (PgDatabase.IsUnavailable(e))
            {
                _shared.Suspended = true;
                _connection?.Dispose();
                _connection = null;
                var waited = _time.GetElapsedTime(started);
                if (waited + delay > _pg.RetryFor)
                {
                    throw new StateUnavailableException(
                        $"The crawl's database '{_db.Uri.Display}' could not be reached for {waited.TotalSeconds:0} s ({e.Message}); this worker stops. Its leased URLs go back to the queue after its lease timeout ({_pg.LeaseTimeout.TotalSeconds:0.#} s); start it again once the database is back.",
                        e);
                }

                PgLog.Unavailable(_logger, _db.Uri.Display, e.Message, delay);
                Task.Delay(delay, _time).GetAwaiter().GetResult();
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, PgSettings.MaxRetryDelay.Ticks));
            }
        }
    }

    private void Retrying(Action action) => Retrying(() =>
    {
        action();
        return true;
    });
}
