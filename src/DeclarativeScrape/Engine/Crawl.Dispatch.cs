using System.Collections.Concurrent;

namespace DeclarativeScrape;

/// <summary>The dispatcher: per-host admission without blocking on any one host.</summary>
/// <remarks>
/// One loop per run. Each pass walks the hosts that have work, in rotation (a different host first each pass, so
/// none is favoured), and for each takes as many URLs as the run's limit, the engine's cap, the host's slots and its
/// tokens allow; a host that is full, paused or out of tokens is passed over, never waited on. Then the loop sleeps
/// until something changes: a slot released (by this run or another on the same host), a token or a pause due (a
/// timer on the injected clock), URLs or a retry arriving, robots.txt loaded, or the run stopping.
/// </remarks>
internal sealed partial class Crawl<TItem>
{
    private static readonly TimeSpan TimerMargin = TimeSpan.FromMilliseconds(1);

    private readonly WakeSignal _signal = new();
    private readonly ITimer _wakeTimer;
    private readonly ConcurrentDictionary<string, RunHost> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<RunHost> _announced = new();
    private readonly List<RunHost> _rotation = [];
    private readonly List<(RunHost Host, FrontierLease Lease)> _disallowed = [];
    private int _runInFlight;
    private int _unparsed;
    private int _activeJobs;
    private int _robotsLoading;
    private int _pendingLeases;
    private int _cursor;
    private bool _stopping;

    private async Task DispatchLoopAsync()
    {
        while (true)
        {
            if (!_stopping && _stop.IsCancellationRequested)
            {
                _stopping = true;
                await CancelWaitingAsync().ConfigureAwait(false);
            }

            if (!_stopping)
            {
                TakeAnnounced();
                var wake = DispatchPass();
                if (wake is { } due)
                {
                    _wakeTimer.Change(due + TimerMargin, Timeout.InfiniteTimeSpan);
                }

                if (_disallowed.Count > 0)
                {
                    var disallowed = _disallowed.Select(d => (d.Lease, KeptOutByRobots(d.Host, d.Lease))).ToList();
                    _disallowed.Clear();
                    await CompleteUnfetchedTogetherAsync(disallowed).ConfigureAwait(false);
                }
            }

            if (IsFinished())
            {
                return;
            }

            await _signal.WaitAsync().ConfigureAwait(false);
        }
    }

    private bool IsFinished()
    {
        if (Volatile.Read(ref _activeJobs) != 0)
        {
            return false;
        }

        return _stopping
            || (Volatile.Read(ref _robotsLoading) == 0 && Volatile.Read(ref _pendingLeases) == 0 && _announced.IsEmpty && _store.Counts.Queued == 0);
    }

    /// <summary>One pass over the hosts with work.</summary>
    /// <returns>When to look again for a host that waits on time (a token or a pause), if any.</returns>
    private TimeSpan? DispatchPass()
    {
        TimeSpan? wake = null;
        var count = _rotation.Count;
        if (count == 0)
        {
            return null;
        }

        var first = (int)(unchecked((uint)_cursor++) % (uint)count);
        for (var i = 0; i < count && CanAdmit(); i++)
        {
            var host = _rotation[(first + i) % count];
            if (DispatchHost(host) is { } due && (wake is null || due < wake))
            {
                wake = due;
            }
        }

        // Hosts out of work leave the rotation; clearing the mark before the last look means a URL arriving
        // meanwhile announces the host again instead of being missed.
        for (var i = _rotation.Count - 1; i >= 0; i--)
        {
            var host = _rotation[i];
            if (HasWork(host) || host.RobotsLoading)
            {
                continue;
            }

            host.ClearAnnounced();
            if (HasWork(host))
            {
                host.Reannounce();
                continue;
            }

            host.InRotation = false;
            _rotation.RemoveAt(i);
        }

        return wake;
    }

    /// <summary>
    /// Whether the run may send one more request: fewer than <see cref="ConcurrencyOptions.Max"/> in flight, and
    /// fewer than that many fetched pages waiting for a parse worker (so slow parsing slows the fetching).
    /// </summary>
    private bool CanAdmit() =>
        Volatile.Read(ref _runInFlight) < _settings.MaxConcurrency && Volatile.Read(ref _unparsed) < _settings.MaxConcurrency;

    private bool HasWork(RunHost host) => host.Pending is not null || !host.Retries.IsEmpty || _store.QueuedFor(host.Key) > 0;

    /// <summary>Admits what the host allows now.</summary>
    /// <returns>How long until the host may admit again when it waits on time; else <see langword="null"/>.</returns>
    private TimeSpan? DispatchHost(RunHost host)
    {
        while (CanAdmit())
        {
            var isRetry = host.Retries.TryPeek(out var ticket);
            if (!isRetry)
            {
                if (host.Pending is null)
                {
                    if (!_store.TryLease(host.Key, out var lease))
                    {
                        return null;
                    }

                    // A URL counts as discovered once it is this run's to finish (admitted here, by an earlier run, or by another worker).
                    _recorder.AddDiscovered(1);

                    host.Pending = lease;
                    host.PendingChecked = false;
                    Interlocked.Increment(ref _pendingLeases);
                }

                if (!host.PendingChecked)
                {
                    var url = host.Pending.Value.Url;
                    if (host.Robots is not { } robots)
                    {
                        if (!host.RobotsLoading)
                        {
                            host.RobotsLoading = true;
                            Interlocked.Increment(ref _robotsLoading);
                            _ = LoadRobotsAsync(host, url);
                        }

                        return null;
                    }

                    if (!robots.IsAllowed(url.PathAndQuery))
                    {
                        _disallowed.Add((host, host.Pending.Value));
                        host.Pending = null;
                        Interlocked.Decrement(ref _pendingLeases);
                        continue;
                    }

                    host.PendingChecked = true;
                }
            }

            var decision = EnterHost(host, out var sequence, out var wait);
            if (decision != GateDecision.Entered)
            {
                return decision is GateDecision.Paused or GateDecision.NoToken ? wait : null;
            }

            Interlocked.Increment(ref _runInFlight);
            if (isRetry)
            {
                host.Retries.TryDequeue(out _);
                if (!ticket!.TrySetResult(sequence))
                {
                    // The retry was cancelled meanwhile: give the slot straight back.
                    ExitHost(host, sequence, AnswerKind.None, null, TimeSpan.Zero, 0, TimeSpan.Zero);
                    Interlocked.Decrement(ref _runInFlight);
                }
            }
            else
            {
                var lease = host.Pending!.Value;
                host.Pending = null;
                Interlocked.Decrement(ref _pendingLeases);
                StartJob(host, lease, sequence);
            }
        }

        return null;
    }

    /// <summary>Takes a slot of the host: in a shared crawl first a permit and a start time held for all workers together, then the host's own gate.</summary>
    private GateDecision EnterHost(RunHost host, out long sequence, out TimeSpan wait)
    {
        sequence = 0;
        if (_politeness?.TakeJoined(host.Key) is { } joined)
        {
            // A worker joining a crawl whose workers learned the host's rate starts at its share of it.
            var share = joined.Total / (joined.Workers + 1);
            host.Gate.Seed(new LearnedRate(host.Key, share, _time.GetUtcNow()));
            Log.HostRateJoined(_logger, host.Key, share, joined.Total, joined.Workers);
        }

        if (_politeness is { } shared && !shared.TryStart(host.Key, host.Gate.Pace, out wait))
        {
            return wait > TimeSpan.Zero ? GateDecision.Paused : GateDecision.Full;
        }

        var decision = host.Gate.TryEnter(out sequence, out wait);
        if (decision != GateDecision.Entered)
        {
            _politeness?.Unused(host.Key);
        }

        return decision;
    }

    /// <summary>
    /// Gives back what <see cref="EnterHost"/> took, the host gate reading the answer (see <see cref="HostGate.Exit"/>).
    /// A host that accepted nothing for a whole window is paused for every worker of a shared crawl too.
    /// </summary>
    private RateVerdict ExitHost(RunHost host, long sequence, AnswerKind kind, int? status, TimeSpan latency, int urlKey, TimeSpan pauseIfClosed)
    {
        var verdict = host.Gate.Exit(sequence, kind, status, latency, urlKey, pauseIfClosed);
        if (verdict.Closed && pauseIfClosed > TimeSpan.Zero)
        {
            _politeness?.Pause(host.Key, pauseIfClosed);
        }

        _politeness?.Finished(host.Key);
        if (verdict.RateChanged)
        {
            _politeness?.Learned(host.Key, host.Gate.Learned?.RequestsPerSecond);
        }

        if (verdict.RateLimited)
        {
            _engine.Metrics.RateLimited.Add(1, ScrapeTelemetry.ServerTags(host.Key));
        }

        return verdict;
    }

    private void TakeAnnounced()
    {
        while (_announced.TryDequeue(out var host))
        {
            if (!host.InRotation)
            {
                host.InRotation = true;
                _rotation.Add(host);
            }
        }
    }

    /// <summary>Tells the dispatcher that <paramref name="host"/> has work (queued URLs or a retry).</summary>
    private void Announce(RunHost host)
    {
        if (host.Announce())
        {
            _announced.Enqueue(host);
            _signal.Set();
        }
    }

    private RunHost HostFor(string key)
    {
        if (_hosts.TryGetValue(key, out var host))
        {
            return host;
        }

        lock (_hosts)
        {
            if (_hosts.TryGetValue(key, out host))
            {
                return host;
            }

            var user = new HostUser(this, _settings.PerHost, _settings.Adaptive, _settings.RequestsPerSecond, _settings.Burst, _settings.RateAdaptive);
            var gate = _engine.Hosts.Get(key);
            host = new RunHost(key, gate, user);
            if (!_settings.ObeyRobots)
            {
                host.Robots = RobotsPolicy.Unrestricted;
            }

            gate.Attach(user);
            _hosts[key] = host;
            return host;
        }
    }

    private async Task LoadRobotsAsync(RunHost host, Uri url)
    {
        try
        {
            var origin = url.GetLeftPart(UriPartial.Authority);
            var rules = await _engine.Robots.GetAsync(url, robotsUrl => FetchRobotsAsync(host, robotsUrl, origin)).ConfigureAwait(false);
            ApplyRobots(host, rules, origin);
        }
        catch (Exception exception)
        {
            Fault(exception);
        }
        finally
        {
            host.RobotsLoading = false;
            Interlocked.Decrement(ref _robotsLoading);
            _signal.Set();
        }
    }

    /// <summary>A host's robots.txt has been read (or given up on): its policy and crawl delay apply from now on.</summary>
    private void ApplyRobots(RunHost host, FetchedRobots rules, string origin)
    {
        var policy = rules.Rules.For(_settings.UserAgent);
        host.RobotsFetched = rules;
        if (rules is { Problem: { } problem, Unreachable: null })
        {
            // An unreachable robots.txt was announced when the host was paused (RobotsUnreachable): not again here.
            Log.RobotsUnavailable(_logger, origin, problem);
        }

        host.User.CrawlDelay = policy.CrawlDelay;
        host.Gate.Refresh();
        host.Robots = policy;
    }

    /// <summary>
    /// A URL robots.txt keeps from being fetched: skipped as disallowed, or failed with the network reason when robots.txt
    /// stayed unreachable (the URL may well be fetchable later: it is not a robots verdict).
    /// </summary>
    private UrlOutcome KeptOutByRobots(RunHost host, FrontierLease lease) => host.RobotsFetched is { Unreachable: { } reason } robots
        ? new UrlOutcome
        {
            Url = lease.Url.AbsoluteUri,
            Kind = OutcomeKind.Failed,
            PageType = _plan.Pages[lease.PageType].Name,
            Depth = lease.Depth,
            FailureReason = reason,
            StatusCode = robots.StatusCode,
            Message = robots.Problem,
        }
        : Skipped(lease, SkipReason.Robots, host.RobotsFetched?.Problem ?? "disallowed by robots.txt", attempts: 0);

    /// <summary>
    /// Fetches robots.txt; in a shared crawl once for every worker (the first to claim it fetches it, the others read it
    /// from the store), as a request on the host like any other, within the host's limit for all workers.
    /// </summary>
    private async Task<FetchedRobots> FetchRobotsAsync(RunHost host, Uri robotsUrl, string origin)
    {
        if (_politeness is not { } shared)
        {
            return await FetchRobotsAsync(robotsUrl, origin).ConfigureAwait(false);
        }

        return _sharedRobots is { } robots
            ? await robots.GetAsync(robotsUrl, () => FetchRobotsWithinPermitsAsync(shared, host, robotsUrl, origin), _engine.StopToken).ConfigureAwait(false)
            : await FetchRobotsWithinPermitsAsync(shared, host, robotsUrl, origin).ConfigureAwait(false);
    }

    private async Task<FetchedRobots> FetchRobotsWithinPermitsAsync(ISharedPoliteness shared, RunHost host, Uri robotsUrl, string origin)
    {
        await shared.StartAsync(host.Key, _engine.StopToken).ConfigureAwait(false);
        try
        {
            return await FetchRobotsAsync(robotsUrl, origin).ConfigureAwait(false);
        }
        finally
        {
            shared.Finished(host.Key);
        }
    }

    private Task<FetchedRobots> FetchRobotsAsync(Uri robotsUrl, string origin) => RobotsFetcher.FetchAsync(
        _fetcher, _pipeline, _settings, _time, robotsUrl, (detail, wait) => Log.RobotsUnreachable(_logger, origin, detail, wait), _engine.StopToken);

    /// <summary>The run stops: retries waiting for a slot are cancelled and URLs taken but not sent are recorded as cancelled.</summary>
    private async ValueTask CancelWaitingAsync()
    {
        var cancelled = new List<(FrontierLease, UrlOutcome)>();
        foreach (var host in _hosts.Values)
        {
            while (host.Retries.TryDequeue(out var ticket))
            {
                ticket.TrySetCanceled();
            }

            if (host.Pending is { } lease)
            {
                host.Pending = null;
                Interlocked.Decrement(ref _pendingLeases);
                cancelled.Add((lease, Skipped(lease, SkipReason.Cancelled, "the run stopped before the URL was fetched", attempts: 0)));
            }
        }

        await CompleteUnfetchedTogetherAsync(cancelled).ConfigureAwait(false);
    }

    /// <summary>
    /// Completes URLs that were never fetched all at once: a state store commits them as one group, at once, instead of
    /// one group each held open for its window (with 1,000 hosts, 10 seconds).
    /// </summary>
    private async ValueTask CompleteUnfetchedTogetherAsync(IReadOnlyList<(FrontierLease Lease, UrlOutcome Outcome)> completions)
    {
        if (completions.Count == 0)
        {
            return;
        }

        var tasks = new Task[completions.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = CompleteUnfetchedAsync(completions[i].Lease, completions[i].Outcome).AsTask();
        }

        _store.CommitNow();   // the caller waits for them
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
