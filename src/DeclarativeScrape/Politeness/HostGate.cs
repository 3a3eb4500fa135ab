using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeclarativeScrape;

/// <summary>
/// One host's admission, shared by every run on the engine that targets it: requests in flight against its
/// adaptive concurrency limit (<see cref="AdaptiveLimit"/>), its token bucket at the rate its
/// <see cref="RateController"/> learned (never above a configured rate), and a pause when the host accepts nothing.
/// Never blocks: <see cref="TryEnter"/> answers at once and says how long to wait when the answer is no; releases and
/// pause ends wake the runs using the host.
/// </summary>
/// <remarks>
/// When runs with different settings share a host, the strictest wins: the ceiling is the smallest
/// <see cref="ConcurrencyOptions.PerHost"/>, the token interval the longest of every <see cref="RateLimitOptions.RequestsPerSecond"/>
/// and robots.txt <c>Crawl-delay</c> (a crawl delay also means a burst of one), the burst the smallest, and the
/// limit and the rate adapt when any of them asks for it.
/// </remarks>
internal sealed class HostGate
{
    private readonly object _lock = new();
    private readonly HostRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AdaptiveLimit _limit = new(ConcurrencyOptions.DefaultPerHost, enabled: true);
    private readonly RateController _rate;
    private HostUser[] _users = [];
    private HostTokenBucket? _bucket;
    private HostPace? _pace;
    private int _inFlight;
    private long _sent;
    private long _pausedUntil;
    private bool _paused;
    private DateTimeOffset _learnedAt;

    public HostGate(string host, HostRegistry registry, TimeProvider time, ILogger? logger = null)
    {
        Host = host;
        _registry = registry;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _rate = new RateController(time.TimestampFrequency);
    }

    /// <summary>The host's authority: name, and port when not the default.</summary>
    public string Host { get; }

    /// <summary>Requests in flight against the host now, from every run.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The current concurrency limit (during the rate's slow start, the smaller start window).</summary>
    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return _rate.StartupWindowLeft(_time.GetTimestamp()) > TimeSpan.Zero ? Math.Min(_limit.Current, _rate.StartupWindow ?? int.MaxValue) : _limit.Current;
            }
        }
    }

    /// <summary>The rate the host is paced at now, in requests per second (learned, or configured); <see langword="null"/> for none.</summary>
    public double? Rate
    {
        get
        {
            lock (_lock)
            {
                return _rate.Rate;
            }
        }
    }

    /// <summary>The configured rate (the strictest of the runs' and robots.txt's), in requests per second; <see langword="null"/> for none.</summary>
    public double? ConfiguredRate
    {
        get
        {
            lock (_lock)
            {
                return _rate.Ceiling;
            }
        }
    }

    /// <summary>The rate learned from the host's refusals, as a value a store can keep; <see langword="null"/> when none was learned.</summary>
    public LearnedRate? Learned
    {
        get
        {
            lock (_lock)
            {
                return _rate.Learned is { } rps ? new LearnedRate(Host, rps, _learnedAt) : null;
            }
        }
    }

    /// <summary>Answers read as rate signals, by every run.</summary>
    public long RateLimitedAnswers
    {
        get
        {
            lock (_lock)
            {
                return _rate.LimitedAnswers;
            }
        }
    }

    /// <summary>For tests: the rate controller's decisions.</summary>
    internal Action<string>? RateTrace
    {
        set => _rate.Trace = value;
    }

    /// <summary>
    /// The host's configured rate (the strictest of the runs' <see cref="RateLimitOptions"/> and robots.txt
    /// <c>Crawl-delay</c>), or <see langword="null"/> when no run limits it: what the workers of a shared crawl keep to
    /// together. The rate learned from refusals is not in it: it paces this process's own token bucket (each worker
    /// learns its share, as each TCP flow does at a shared bottleneck), since a worker measures only its own requests.
    /// </summary>
    public HostPace? Pace => Volatile.Read(ref _pace);

    /// <summary>Whether any run uses the host now.</summary>
    public bool InUse => Volatile.Read(ref _users).Length > 0;

    public void Attach(HostUser user)
    {
        lock (_lock)
        {
            _users = [.. _users, user];
            Reconfigure();
        }
    }

    public void Detach(HostUser user)
    {
        lock (_lock)
        {
            _users = Array.FindAll(_users, u => !ReferenceEquals(u, user));
            Reconfigure();
        }

        WakeUsers();
    }

    /// <summary>Re-combines the runs' settings after one of them learnt its crawl delay.</summary>
    public void Refresh()
    {
        lock (_lock)
        {
            Reconfigure();
        }

        WakeUsers();
    }

    /// <summary>Starts from a rate learned earlier (by another worker, or an earlier run).</summary>
    public void Seed(LearnedRate learned)
    {
        lock (_lock)
        {
            _rate.Seed(learned.RequestsPerSecond, _time.GetTimestamp());
            _learnedAt = learned.LearnedAt;
            ApplyRate(afterCut: false);
        }
    }

    /// <summary>Tries to take a slot (and a token) for one request.</summary>
    /// <param name="sequence">The request's number for <see cref="Exit"/>.</param>
    /// <param name="wait">For <see cref="GateDecision.Paused"/> and <see cref="GateDecision.NoToken"/>: how long until it may be asked again.</param>
    public GateDecision TryEnter(out long sequence, out TimeSpan wait)
    {
        sequence = 0;
        wait = TimeSpan.Zero;
        lock (_lock)
        {
            if (_paused)
            {
                var remaining = RemainingPause();
                if (remaining > TimeSpan.Zero)
                {
                    wait = remaining;
                    return GateDecision.Paused;
                }

                _paused = false;
            }

            var now = _time.GetTimestamp();
            if (_rate.Advance(now))
            {
                ApplyRate(afterCut: false);
            }

            if (_inFlight >= _limit.Current)
            {
                return GateDecision.Full;
            }

            if (_inFlight >= (_rate.StartupWindow ?? int.MaxValue) && _rate.StartupWindowLeft(now) is var left && left > TimeSpan.Zero)
            {
                // Slow start holds the request back, for a bounded time (a host whose first pages hang grows no window).
                wait = left;
                return GateDecision.NoToken;
            }

            if (!_registry.TryEnter())
            {
                return GateDecision.EngineFull;
            }

            if (_bucket is not null)
            {
                using var lease = _bucket.AttemptAcquire();
                if (!lease.IsAcquired)
                {
                    _registry.Exit();
                    _rate.MarkRateBound();
                    wait = lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var after) ? after : _bucket.ReplenishmentPeriod;
                    return GateDecision.NoToken;
                }
            }

            _inFlight++;
            sequence = ++_sent;
            _rate.OnSent(sequence, now);
            return GateDecision.Entered;
        }
    }

    /// <summary>Releases a slot taken by <see cref="TryEnter"/> and reads the answer: rate discovery, then the concurrency limit.</summary>
    /// <param name="sequence">From <see cref="TryEnter"/>.</param>
    /// <param name="kind">What the attempt's answer was (<see cref="AnswerKind.None"/> for none: cancelled).</param>
    /// <param name="status">The HTTP status, for the log.</param>
    /// <param name="latency">Time to headers; <see cref="TimeSpan.Zero"/> for no answer.</param>
    /// <param name="urlKey">A hash of the URL (a host failing is told from one page failing by the spread of its faults).</param>
    /// <param name="pauseIfClosed">How long the host is paused when it accepted nothing for a whole window (the URL's retry delay).</param>
    /// <returns>Whether the answer was a rate signal.</returns>
    public RateVerdict Exit(long sequence, AnswerKind kind, int? status, TimeSpan latency, int urlKey, TimeSpan pauseIfClosed)
    {
        RateVerdict verdict;
        lock (_lock)
        {
            _inFlight--;
            var before = _rate.Rate;
            var limitBefore = _limit.Current;
            var now = _time.GetTimestamp();
            verdict = _rate.OnAnswer(sequence, _sent, kind, latency, urlKey, now);
            var health = verdict.RateLimited ? AnswerKind.None : kind == AnswerKind.Unavailable ? AnswerKind.Fault : kind;
            if (_limit.OnResponse(sequence, _sent, health, latency, urlKey) && _limit.Current < limitBefore && health == AnswerKind.Fault)
            {
                Log.HostFailing(_logger, Host, AdaptiveLimit.RecentAnswers, _limit.Current);
            }

            if (verdict.RateChanged)
            {
                _learnedAt = _time.GetUtcNow();
                ApplyRate(afterCut: verdict.RateLimited);
                LogRate(before, status, verdict);
            }

            if (verdict.Closed && pauseIfClosed > TimeSpan.Zero)
            {
                Pause(pauseIfClosed);
            }
        }

        _registry.Exit();
        WakeUsers();
        return verdict;
    }

    /// <summary>Pauses the host for <paramref name="delay"/>, unless it is already paused longer.</summary>
    public void Pause(TimeSpan delay)
    {
        lock (_lock)
        {
            if (!_paused || RemainingPause() < delay)
            {
                _pausedUntil = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
                _paused = true;
            }
        }
    }

    private void LogRate(double? before, int? status, RateVerdict verdict)
    {
        if (verdict.RateLimited)
        {
            Log.HostRateCut(_logger, Host, status ?? 0, before ?? double.PositiveInfinity, _rate.Estimate ?? 0, _rate.Rate ?? double.PositiveInfinity);
        }
        else if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.HostRateProbe(_logger, Host, before ?? double.PositiveInfinity, _rate.Rate ?? double.PositiveInfinity);
        }
    }

    private TimeSpan RemainingPause()
    {
        var now = _time.GetTimestamp();
        return now >= _pausedUntil ? TimeSpan.Zero : _time.GetElapsedTime(now, _pausedUntil);
    }

    /// <summary>Sets the bucket to the controller's rate: after a cut with no tokens saved (no burst into a limit just met).</summary>
    private void ApplyRate(bool afterCut)
    {
        if (_rate.Rate is not { } rate)
        {
            _bucket = null;
            return;
        }

        var period = TimeSpan.FromSeconds(1 / rate);
        var burst = _rate.Burst;
        if (_bucket is not null && _bucket.ReplenishmentPeriod == period && _bucket.Burst == burst && !afterCut)
        {
            return;
        }

        _bucket = new HostTokenBucket(_time, period, burst, afterCut ? 0 : Math.Min(burst, _bucket?.Tokens ?? burst));
    }

    private void Reconfigure()
    {
        var users = _users;
        if (users.Length == 0)
        {
            return;
        }

        var ceiling = int.MaxValue;
        var adaptive = false;
        var rateAdaptive = false;
        var interval = TimeSpan.Zero;
        var burst = int.MaxValue;
        foreach (var user in users)
        {
            ceiling = Math.Min(ceiling, user.PerHost);
            adaptive |= user.Adaptive;
            rateAdaptive |= user.RateAdaptive;
            if (user.RequestsPerSecond is { } rps)
            {
                var every = TimeSpan.FromSeconds(1 / rps);
                interval = every > interval ? every : interval;
                burst = Math.Min(burst, user.Burst);
            }

            if (user.CrawlDelay is { } delay && delay > TimeSpan.Zero)
            {
                interval = delay > interval ? delay : interval;
                burst = 1;
            }
        }

        _limit.Configure(ceiling, adaptive);
        burst = burst == int.MaxValue ? 1 : burst;
        Volatile.Write(ref _pace, interval == TimeSpan.Zero ? null : new HostPace(interval, burst));
        _rate.Configure(interval == TimeSpan.Zero ? null : 1 / interval.TotalSeconds, burst, ceiling, rateAdaptive);
        ApplyRate(afterCut: false);
    }

    private void WakeUsers()
    {
        foreach (var user in Volatile.Read(ref _users))
        {
            user.Owner.Wake();
        }
    }
}
