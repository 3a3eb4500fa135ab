namespace DeclarativeScrape;

/// <summary>
/// A run's <see cref="ISubresourceGate"/>: the requests of its rendered pages pass its scope, its hosts' robots.txt, and
/// take a slot and a token of their host's <see cref="HostGate"/> (shared with the crawl's own requests and other runs)
/// while they are in flight. Waits without polling: the host gates wake the run, and the run wakes this guard.
/// </summary>
internal sealed class SubresourceGuard : ISubresourceGate
{
    /// <summary>How long a request waits before asking again when the engine-wide cap (which wakes runs, not guards) is full.</summary>
    private static readonly TimeSpan EngineFullRetry = TimeSpan.FromMilliseconds(20);

    private readonly HostScope _scope;
    private readonly Func<string, RunHost> _hostFor;
    private readonly Func<RunHost, Uri, ValueTask<RobotsPolicy>> _robots;
    private readonly TimeProvider _time;
    private readonly ScrapeMetrics _metrics;
    private TaskCompletionSource _pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _allowed;
    private long _blocked;

    /// <param name="scope">The run's allowed hosts.</param>
    /// <param name="hostFor">The run's host for an authority (its gate and robots.txt policy).</param>
    /// <param name="robots">Loads a host's robots.txt policy when the run has not yet.</param>
    /// <param name="time">The engine's clock.</param>
    /// <param name="metrics">The engine's instruments.</param>
    public SubresourceGuard(HostScope scope, Func<string, RunHost> hostFor, Func<RunHost, Uri, ValueTask<RobotsPolicy>> robots, TimeProvider time, ScrapeMetrics metrics)
    {
        _metrics = metrics;
        _scope = scope;
        _hostFor = hostFor;
        _robots = robots;
        _time = time;
    }

    public long Allowed => Volatile.Read(ref _allowed);

    public long Blocked => Volatile.Read(ref _blocked);

    /// <summary>A host slot was released, a pause or the run changed: waiting requests ask their gate again.</summary>
    public void Wake() => Interlocked.Exchange(ref _pulse, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async ValueTask<SubresourceTicket> AdmitAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            // data:, blob: and the like never reach a host.
            return SubresourceTicket.Allowed();
        }

        if (!UrlCanonicalizer.TryCanonicalize(url, out var canonical) || !_scope.Contains(canonical))
        {
            return Block($"{url.GetLeftPart(UriPartial.Authority)} is outside the allowed hosts");
        }

        var host = _hostFor(canonical.Authority);
        var robots = host.Robots ?? await _robots(host, canonical).ConfigureAwait(false);
        if (!robots.IsAllowed(canonical.PathAndQuery))
        {
            return Block(host.RobotsFetched?.Problem ?? "disallowed by robots.txt");
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pulse = Volatile.Read(ref _pulse).Task;   // taken before asking, so a release in between is not missed
            var decision = host.Gate.TryEnter(out var sequence, out var wait);
            if (decision == GateDecision.Entered)
            {
                Interlocked.Increment(ref _allowed);
                _metrics.Subresources.Add(1, new KeyValuePair<string, object?>(ScrapeTelemetry.RenderDecision, "allowed"));
                var gate = host.Gate;
                var urlKey = canonical.AbsoluteUri.GetHashCode(StringComparison.Ordinal);
                return SubresourceTicket.Allowed(status => gate.Exit(sequence, KindOf(status), status, TimeSpan.Zero, urlKey, TimeSpan.Zero));
            }

            var delay = decision switch
            {
                GateDecision.Paused or GateDecision.NoToken => wait,
                GateDecision.EngineFull => EngineFullRetry,
                _ => Timeout.InfiniteTimeSpan,
            };
            if (delay == Timeout.InfiniteTimeSpan)
            {
                await pulse.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.WhenAny(pulse, Task.Delay(delay, _time, cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    private SubresourceTicket Block(string reason)
    {
        Interlocked.Increment(ref _blocked);
        _metrics.Subresources.Add(1, new KeyValuePair<string, object?>(ScrapeTelemetry.RenderDecision, "blocked"));
        return SubresourceTicket.Blocked(reason);
    }

    /// <summary>What a browser request's status says about its host (no status: no answer to read).</summary>
    private static AnswerKind KindOf(int? status) => status switch
    {
        null => AnswerKind.None,
        429 => AnswerKind.TooManyRequests,
        503 => AnswerKind.Unavailable,
        >= 500 => AnswerKind.Fault,
        _ => AnswerKind.Answered,
    };
}
