using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Polly;

namespace DeclarativeScrape;

/// <summary>
/// One run of a scraper: the frontier, the dispatcher that admits URLs per host, the fetch jobs, the parse workers
/// and the run's event channel. <see cref="ScrapeRun{TItem}"/> is its public face.
/// </summary>
/// <remarks>
/// <para>Data flow: frontier (per-host FIFO queues) → dispatcher (one loop; admits a URL when the run, the engine
/// and its host each have a free slot and the host a token; sleeps on a <see cref="WakeSignal"/> otherwise) →
/// fetch job (async I/O, retries through the Polly pipeline, no slot held during a backoff) → bounded page channel
/// → parse workers (CPU): extract → complete (the store takes everything the page causes at once: outcome, items to
/// the output, links to the frontier) → emit (the kept item and the outcome to the bounded event channel, the links'
/// hosts to the dispatcher).</para>
/// <para>Back-pressure: a reader that stops reading fills the event channel, which stops the parse workers, which
/// fills the page channel, which keeps fetch jobs holding their run slots, which stops the dispatcher.</para>
/// <para>The file is split by stage: <c>Crawl.Dispatch.cs</c>, <c>Crawl.Fetch.cs</c>, <c>Crawl.Parse.cs</c>.</para>
/// </remarks>
internal sealed partial class Crawl<TItem> : ICrawl, IWakeable
{
    /// <summary>Fetched pages buffered per parse worker before fetch jobs wait.</summary>
    public const int PagesPerWorker = 4;

    private static readonly List<FrontierCandidate> NoLinks = [];

    private readonly ScrapeEngine _engine;
    private readonly CrawlPlan<TItem> _plan;
    private readonly RunSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OutcomeRecorder _recorder;
    private readonly RequestControl _requestControl;
    private readonly PageFetcher _fetcher;
    private readonly DevelopmentHttpCache? _httpCache;
    private readonly BodyBudget _bodies;
    private readonly ResiliencePipeline<FetchResult> _pipeline;
    private readonly FrontierPolicy _policy;
    private readonly ICrawlStore<TItem> _store;
    private readonly ISharedPoliteness? _politeness;
    private readonly ISharedRobots? _sharedRobots;
    private readonly EventMode _mode;
    private readonly Channel<ScrapeEvent<TItem>>? _events;
    private readonly Channel<PageJob> _pages;
    private readonly int _parseWorkers;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _requests;
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenRegistration _userStop;
    private readonly TaskCompletionSource<ScrapeSummary> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RateWindow _pageRate;
    private readonly long _startedAt;
    private Exception? _fault;
    private int _stopRequested;
    private long _pagesFetched;
    private int _requestsInFlight;

    public Crawl(ScrapeEngine engine, CrawlPlan<TItem> plan, RunSettings settings, EventMode mode, CancellationToken cancellationToken)
    {
        // First: a directory that cannot be used ends the start before anything else is set up.
        _httpCache = DevelopmentHttpCache.Open(settings, engine.Metrics);
        _engine = engine;
        _plan = plan;
        _settings = settings;
        _mode = mode;
        _time = engine.Time;
        _requests = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        _logger = engine.CreateLogger();
        _recorder = new OutcomeRecorder(plan.Name, _logger, engine.Metrics);
        _requestControl = new RequestControl(engine.Fetch, settings);
        _bodies = BodyBudget.ForRun(settings.BodyBudgetBytes, engine.Bodies);
        _fetcher = new PageFetcher(_requestControl, settings, _time, _recorder, _bodies, _logger, _httpCache);
        _pipeline = engine.Pipelines.For(settings.BaseDelay, settings.MaxDelay);
        _policy = new FrontierPolicy(settings.Scope, settings.Paths, settings.MaxDepth, FrontierOrder.For(settings.Order, plan));
        _store = CrawlStores.Open(new StoreContext<TItem>(plan, settings, _time, _logger, _recorder, HostRefilled, Wake, Fault));
        _politeness = _store.Politeness;
        _sharedRobots = _store.Robots;

        _render = CreateRenderStage();
        _parseWorkers = engine.ParseWorkerCount;
        _completing = new SemaphoreSlim(settings.MaxConcurrency);
        _pages = Channel.CreateBounded<PageJob>(new BoundedChannelOptions(_parseWorkers * PagesPerWorker) { SingleWriter = false, SingleReader = false });
        _events = mode == EventMode.None ? null : Channel.CreateBounded<ScrapeEvent<TItem>>(new BoundedChannelOptions(engine.EventCapacity) { SingleWriter = false, SingleReader = false });
        _pageRate = new RateWindow(_time);
        _startedAt = _time.GetTimestamp();
        _wakeTimer = _time.CreateTimer(static s => ((Crawl<TItem>)s!)._signal.Set(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _userStop = cancellationToken.UnsafeRegister(static s => ((Crawl<TItem>)s!).Stop(), this);
        _stop.Token.UnsafeRegister(static s => ((Crawl<TItem>)s!)._signal.Set(), this);
    }

    public string ScraperName => _plan.Name;

    public Task<ScrapeSummary> Completion => _completion.Task;

    /// <summary>The events, or <see langword="null"/> when the run has no reader.</summary>
    public ChannelReader<ScrapeEvent<TItem>>? Events => _events?.Reader;

    /// <summary>URLs waiting: in the frontier, or taken by the dispatcher and not yet sent.</summary>
    public long Queued => _store.Counts.Queued + Volatile.Read(ref _pendingLeases);

    /// <summary>Starts the run in the background.</summary>
    public void Start() => _ = RunAsync();

    public void Wake()
    {
        _signal.Set();
        _render?.Guard.Wake();
    }

    /// <summary>
    /// Stops gracefully: no new requests; the requests in flight finish (for at most <see cref="TimeoutOptions.Drain"/>,
    /// then they are cancelled) and the fetched pages are extracted.
    /// </summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopRequested, 1) != 0)
        {
            return;
        }

        try
        {
            _stop.Cancel();
            _requests.CancelAfter(_settings.DrainTimeout);
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }

    /// <summary>Stops and cancels the requests in flight at once; the fetched pages are still extracted.</summary>
    public void StopNow()
    {
        Stop();
        try
        {
            _requests.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }

    /// <summary>Stops at once (requests in flight cancelled) and stops waiting for a reader too (the events no one will read are dropped).</summary>
    public async Task AbortAsync()
    {
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }

        StopNow();
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The run's own fault is reported through Completion to whoever awaits it.
        }
    }

    public ScrapeProgress GetProgress()
    {
        var hosts = new List<HostProgress>();
        foreach (var host in _hosts.Values)
        {
            var queued = _store.QueuedFor(host.Key) + (host.HasPending ? 1 : 0);
            var inFlight = host.Gate.InFlight;
            if (queued > 0 || inFlight > 0)
            {
                hosts.Add(new HostProgress(host.Key, inFlight, host.Gate.Limit, queued));
            }
        }

        hosts.Sort(static (a, b) => b.InFlight != a.InFlight ? b.InFlight.CompareTo(a.InFlight) : b.Queued.CompareTo(a.Queued));
        return new ScrapeProgress
        {
            Elapsed = _time.GetElapsedTime(_startedAt),
            PagesFetched = Volatile.Read(ref _pagesFetched),
            PagesPerSecond = _pageRate.PerSecond(),
            InFlight = Volatile.Read(ref _requestsInFlight),
            Queued = Queued,
            Items = _recorder.Items,
            Processed = _recorder.Processed,
            Skipped = _recorder.Skipped,
            Failed = _recorder.Failed,
            Retries = _recorder.Retries,
            Hosts = hosts,
        };
    }

    private async Task RunAsync()
    {
        await Task.Yield();
        Log.RunStarting(_logger, _plan.Name, _settings.StartUrls.Count, _settings.MaxConcurrency, _settings.PerHost);
        _engine.Hosts.AddRun(this);
        Task[] workers = [];
        try
        {
            if (_settings.Login is { } login)
            {
                await new LoginStep(_requestControl, _settings, _recorder).RunAsync(login, _stop.Token).ConfigureAwait(false);
            }

            await SeedAsync().ConfigureAwait(false);
            if (_settings.SitemapUrls.Count > 0 || _settings.SitemapsFromRobots)
            {
                StartSitemaps();
            }

            workers = new Task[_parseWorkers];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = StartParseWorker();
            }

            await DispatchLoopAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Fault(exception);
        }

        try
        {
            _pages.Writer.TryComplete();
            await Task.WhenAll(workers).ConfigureAwait(false);
            await DrainCompletingAsync().ConfigureAwait(false);
            await ReleaseQueuedAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Fault(exception);
        }

        await FinishAsync().ConfigureAwait(false);
    }

    /// <summary>A persistent store loaded more URLs of a host: the dispatcher looks again.</summary>
    private void HostRefilled(string host)
    {
        Announce(HostFor(host));
        _signal.Set();
    }

    private async Task FinishAsync()
    {
        foreach (var host in _hosts.Values)
        {
            host.Gate.Detach(host.User);
        }

        _engine.Hosts.RemoveRun(this);
        _requestControl.Dispose();
        _bodies.Leave();
        _wakeTimer.Dispose();
        _requests.Dispose();
        _userStop.Dispose();
        try
        {
            // The store writes the rest of the output (a persistent one commits what is left and syncs the output) and
            // releases the state before the run reports its end.
            await _store.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Fault(exception);
        }

        var completed = !_stop.IsCancellationRequested && _fault is null;
        var summary = _recorder.Summarize(completed, _time.GetElapsedTime(_startedAt)) with { Resumed = _store.Resumed, Shared = _store.Shared, Rendering = _render?.Summarize(), Hosts = HostRates(), HttpCache = _httpCache?.Summarize() };
        Log.RunFinished(_logger, _plan.Name, completed ? "finished" : "stopped", summary.Elapsed, summary.Discovered, summary.Processed, summary.Skipped, summary.Failed, summary.Items, summary.Requests);
        _engine.Untrack(this);
        _events?.Writer.TryComplete(_fault);
        if (_fault is { } fault)
        {
            _completion.TrySetException(fault);
        }
        else
        {
            _completion.TrySetResult(summary);
        }
    }

    /// <summary>Each host the run sent requests to: its learned and configured rates, and the run's rate-limited answers.</summary>
    private List<HostRateSummary> HostRates()
    {
        var hosts = new List<HostRateSummary>();
        foreach (var host in _hosts.Values)
        {
            if (host.Requests > 0)
            {
                hosts.Add(new HostRateSummary
                {
                    Host = host.Key,
                    LearnedRequestsPerSecond = host.Gate.Learned?.RequestsPerSecond,
                    ConfiguredRequestsPerSecond = host.Gate.ConfiguredRate,
                    RateLimitedAnswers = host.RateLimited,
                    Requests = host.Requests,
                });
            }
        }

        hosts.Sort(static (a, b) => string.CompareOrdinal(a.Host, b.Host));
        return hosts;
    }

    /// <summary>An internal error (a bug, or the output file failing): the run stops and its completion faults.</summary>
    private void Fault(Exception exception)
    {
        if (Interlocked.CompareExchange(ref _fault, exception, null) is null)
        {
            Log.RunCrashed(_logger, _plan.Name, exception);
        }

        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        StopNow();
    }

    private async Task SeedAsync()
    {
        var candidates = new List<FrontierCandidate>(_settings.StartUrls.Count);
        foreach (var url in _settings.StartUrls)
        {
            candidates.Add(_policy.ForStart(url, pageType: 0));
        }

        await _store.AdmitAsync(candidates, CancellationToken.None).ConfigureAwait(false);
        await AdmittedAsync(candidates).ConfigureAwait(false);

        // A store resumed from an earlier run may hold queued URLs no admission here announced.
        foreach (var host in _store.QueuedHosts())
        {
            Announce(HostFor(host));
        }
    }

    /// <summary>
    /// Records the skipped candidates (each counts as discovered now) and announces the hosts of the queued ones (each
    /// counts as discovered when it is leased or released, whichever run or worker admitted it).
    /// </summary>
    private async ValueTask AdmittedAsync(List<FrontierCandidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Skip == SkipReason.None)
            {
                Announce(HostFor(candidate.Host));
                continue;
            }

            _recorder.AddDiscovered(1);
            await RecordAsync(new UrlOutcome
            {
                Url = candidate.Url,
                Kind = OutcomeKind.Skipped,
                PageType = _plan.Pages[candidate.PageType].Name,
                Depth = candidate.Depth,
                SkipReason = candidate.Skip,
                Message = candidate.Message,
            }).ConfigureAwait(false);
        }
    }

    private async ValueTask ReleaseQueuedAsync()
    {
        await foreach (var lease in _store.ReleaseQueuedAsync(CancellationToken.None).ConfigureAwait(false))
        {
            _recorder.AddDiscovered(1);
            await RecordAsync(Skipped(lease, SkipReason.Cancelled, "the run stopped before the URL was fetched", attempts: 0)).ConfigureAwait(false);
        }
    }

    private UrlOutcome Skipped(FrontierLease lease, SkipReason reason, string? message, int attempts, string? finalUrl = null) => new()
    {
        Url = lease.Url.AbsoluteUri,
        Kind = OutcomeKind.Skipped,
        PageType = _plan.Pages[lease.PageType].Name,
        Depth = lease.Depth,
        SkipReason = reason,
        Message = message,
        Attempts = attempts,
        FinalUrl = finalUrl,
    };

    /// <summary>Counts an outcome and, when the run streams outcomes, emits it.</summary>
    private ValueTask RecordAsync(UrlOutcome outcome)
    {
        _recorder.Record(outcome);
        return _mode == EventMode.All ? EmitAsync(new ScrapeEvent<TItem>(outcome)) : ValueTask.CompletedTask;
    }

    /// <summary>Writes an event, waiting while the reader is behind (back-pressure) unless the run is aborted.</summary>
    private ValueTask EmitAsync(ScrapeEvent<TItem> value)
    {
        if (_events is null || _events.Writer.TryWrite(value))
        {
            return ValueTask.CompletedTask;
        }

        return WaitAndEmitAsync(value);
    }

    private async ValueTask WaitAndEmitAsync(ScrapeEvent<TItem> value)
    {
        try
        {
            await _events!.Writer.WriteAsync(value, _abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Aborted: nobody will read it.
        }
        catch (ChannelClosedException)
        {
        }
    }
}
