namespace DeclarativeScrape;

/// <summary>
/// A host's rate discovery: learns how many requests per second the host accepts from its answers, and sets the rate
/// of the host's token bucket just under it. Separate from the concurrency limit (<see cref="AdaptiveLimit"/>), which
/// follows the host's health only. Pure logic on timestamps of the injected clock, not thread-safe: the host gate
/// calls it under its lock.
/// </summary>
/// <remarks>
/// <para>The design (docs/crawling.md, "Rate discovery") is BBR's, applied to a server's rate limiter: while a server
/// refuses some requests, what it accepts is its rate, so a refusal sets the rate a little under the accepted rate
/// measured, instead of halving blindly; then the rate is held, and probed upwards gently from time to time.</para>
/// <list type="number">
/// <item><b>Startup</b>, when no rate is configured: requests in flight may grow by one per accepted answer from
/// <see cref="InitialWindow"/> (doubling per round trip, TCP's slow start), so an unknown limit is met by a few
/// requests, not by the whole concurrency at once. It ends at the concurrency limit, or at the first refusal, which
/// sets the rate just under what was actually sent.</item>
/// <item><b>Measured cut</b>, on a refusal: the accepted rate is measured by send time over the last
/// <see cref="MeasureWindow"/> of requests whose answers are in (a whole window, so that a fixed-window limiter's
/// period is inside it). When the server refused in both halves of that window and the rate did not go up during it,
/// it was at its limit throughout, and what it accepted is its rate: the new rate is <see cref="Margin"/> under it,
/// held for <see cref="HoldRequests"/> requests (at least <see cref="MinHold"/>).</item>
/// <item><b>Quick cut</b>, on a refusal before such a measurement exists: when at least <see cref="QuickCutShare"/> of
/// the requests sent since the last change were refused (a limit lowered, a burst allowance spent), the rate drops by
/// that share at once (keeping between <see cref="QuickCutFloor"/> and <see cref="QuickCutCeiling"/> of it); when fewer
/// were (the rate is just above the host's), it is only held still (<see cref="RatePhase.Settle"/>) until a whole
/// window measures it.</item>
/// <item><b>Probe</b>: after the hold, or a settle with no refusal, while the bucket is what holds the host back, the
/// rate grows by a step per probe interval, the step doubling each time (2 %, 4 %, 8 %…, up to <see cref="MaxStep"/>,
/// as BBRv2's probe-up), so a limit just above is found with a small overshoot and a limit that rose far is found in a
/// few intervals. A configured rate is a ceiling never exceeded.</item>
/// </list>
/// <para>A 429 is always a rate signal. A 503 is ambiguous — a rate limiter's refusal, or a page that is down — so the
/// host's 503s count as faults of their pages (retried within the attempts, no change of rate) until they come dense:
/// <see cref="DenseUnavailable"/> of the last <see cref="RecentAnswers"/> answers, from <see cref="DenseUrls"/>
/// different URLs; a URL's repeated 503 counts only while some of the recent answers were accepted (a page that is down
/// answers 503 to every attempt, so at the end of a crawl, when only such pages' retries are left, their 503s would
/// otherwise read as a limiter and cut the rate to its minimum). A limiter answers so as soon as the rate goes above it (the slow start and every probe do); a few
/// faulty pages among many good ones practically never do (at a 1 % share of 503s, once in about 50,000 windows). From
/// then on the host's 503s are rate signals, as 429s are.</para>
/// </remarks>
internal sealed class RateController
{
    /// <summary>Requests in flight at the start of slow start.</summary>
    public const int InitialWindow = 2;

    /// <summary>
    /// The pace of the first requests to a host whose rate is unknown, in requests per second. Slow start by
    /// concurrency alone is no brake on a fast host (at 1 ms a round trip, two requests in flight are 2,000 a second,
    /// and the window doubles every millisecond), so the startup is paced too, the pace doubling every
    /// <see cref="StartupDoubling"/>: a limit is met at most at twice its rate with a few requests in flight, not by
    /// the whole concurrency at once (a fixed window refuses every request in flight once its quota is spent).
    /// </summary>
    public const double StartupRate = 20;

    /// <summary>How often the startup pace doubles (the pace of a slow start at a 50 ms round trip).</summary>
    public static readonly TimeSpan StartupDoubling = TimeSpan.FromMilliseconds(50);

    /// <summary>The startup pace at which the pacing ends (the host showed no limit up to there).</summary>
    public const double MaxStartupRate = 10_000;

    /// <summary>How far under the measured accepted rate a measured cut sets the rate.</summary>
    public const double Margin = 0.05;

    /// <summary>The share of refused requests above which a refusal cuts at once (by that share), without waiting for a measured window.</summary>
    public const double QuickCutShare = 0.1;

    /// <summary>The least a quick cut keeps of the pace.</summary>
    public const double QuickCutFloor = 0.5;

    /// <summary>What the first refusal keeps of the rate sent.</summary>
    public const double FirstCut = 0.5;

    /// <summary>The most a quick cut keeps of the pace.</summary>
    public const double QuickCutCeiling = 0.9;

    /// <summary>The lowest rate learned, in requests per second (one request every 10 seconds).</summary>
    public const double MinimumRate = 0.1;

    /// <summary>Requests at the held rate before a probe (at least <see cref="MinHold"/>).</summary>
    public const int HoldRequests = 400;

    /// <summary>Answers a probe step waits for (at least <see cref="MinProbeInterval"/> and two round trips).</summary>
    public const int ProbeAnswers = 8;

    /// <summary>The first probe step.</summary>
    public const double FirstStep = 0.02;

    /// <summary>The first probe step while discovering: after the first refusal, before any cut was measured.</summary>
    public const double DiscoveryStep = 0.25;

    /// <summary>The largest probe step.</summary>
    public const double MaxStep = 0.5;

    /// <summary>How far one round of probes may climb above the rate it started from (once a rate was found) before a hold.</summary>
    public const double MaxProbeClimb = 2;

    /// <summary>The answers the 503 test looks at.</summary>
    public const int RecentAnswers = 16;

    /// <summary>The 503s among the last <see cref="RecentAnswers"/> answers that show a rate limiter (a quarter).</summary>
    public const int DenseUnavailable = 4;

    /// <summary>The different URLs those 503s must come from.</summary>
    public const int DenseUrls = 3;

    /// <summary>The share of the pacing rate that may be saved up as tokens (so that a late dispatcher does not lose them).</summary>
    public static readonly TimeSpan PacingSlack = TimeSpan.FromMilliseconds(20);

    /// <summary>The shortest hold after a measured cut.</summary>
    public static readonly TimeSpan MinHold = TimeSpan.FromSeconds(30);

    /// <summary>The hold after quick cuts (the rate was not measured): a few seconds or <see cref="ShortHoldRequests"/> requests.</summary>
    public static readonly TimeSpan ShortHold = TimeSpan.FromSeconds(5);

    /// <summary>See <see cref="ShortHold"/>.</summary>
    public const int ShortHoldRequests = 50;



    /// <summary>The shortest probe interval.</summary>
    public static readonly TimeSpan MinProbeInterval = TimeSpan.FromSeconds(1);

    /// <summary>The shortest time between two quick cuts.</summary>
    public static readonly TimeSpan MinCutSpacing = TimeSpan.FromMilliseconds(500);

    /// <summary>The fewest answers in the last second that a quick cut reads the refused share from (else from those sent since the last cut).</summary>
    public const int MinimumAnswers = 4;

    /// <summary>The shortest steady stretch the host's rate is measured over (a whole fixed-window period fits in it).</summary>
    public static readonly TimeSpan MeasureWindow = TimeSpan.FromSeconds(2);

    /// <summary>The longest stretch the host's rate is measured over.</summary>
    public static readonly TimeSpan MaxMeasureWindow = TimeSpan.FromSeconds(30);

    /// <summary>Requests remembered for the measurement (at 1,000 requests a second, four seconds of them).</summary>
    private const int Remembered = 4096;

    private readonly long _frequency;
    private readonly long[] _sequences = new long[Remembered];
    private readonly long[] _sentAt = new long[Remembered];
    private readonly RequestFate[] _fates = new RequestFate[Remembered];
    private readonly bool[] _recent = new bool[RecentAnswers];
    private readonly bool[] _recentAccepted = new bool[RecentAnswers];
    private readonly int[] _recentUrls = new int[RecentAnswers];
    private readonly HashSet<int> _unavailableUrls = [];
    private readonly long[] _acceptedTimes = new long[Remembered];
    private double? _ceiling;
    private int _ceilingBurst = 1;
    private int _perHost = int.MaxValue;
    private bool _enabled = true;
    private RatePhase _phase = RatePhase.Startup;
    private double? _learned;
    private double? _startupRate;
    private long _startupStepAt;
    private long _phaseSince;
    private double _step = FirstStep;
    private bool _rateBound;
    private long _cutSequence;
    private long _cutAt;
    private bool _cut;
    private bool _discovered;
    private bool _measured;
    private double _proven;
    private double _probeBase;
    private bool _limitedBy503;
    private long _evaluatedAt;
    private long _raisedAt;
    private bool _started;
    private long _firstSentAt;
    private long _lastSequence;
    private long _acceptedTotal;
    private double _latencySeconds;
    private int _recentCount;
    private int _recentNext;

    public RateController(long timestampFrequency) => _frequency = timestampFrequency;

    /// <summary>For tests: told every decision.</summary>
    internal Action<string>? Trace { get; set; }

    /// <summary>Where discovery is.</summary>
    public RatePhase Phase => _phase;

    /// <summary>The rate learned from the host's refusals, in requests per second; <see langword="null"/> while none was refused (or the probes got back up to the ceiling).</summary>
    public double? Learned => _learned;

    /// <summary>The configured rate, a ceiling; <see langword="null"/> for none.</summary>
    public double? Ceiling => _ceiling;

    /// <summary>The accepted rate measured at the last measured cut.</summary>
    public double? Estimate { get; private set; }

    /// <summary>Answers read as rate signals (429, and 503s that read as a rate limit).</summary>
    public long LimitedAnswers { get; private set; }

    /// <summary>The rate the host's token bucket runs at: the learned rate, never above the ceiling; <see langword="null"/> for no bucket.</summary>
    public double? Rate => _learned is { } learned ? (_ceiling is { } ceiling ? Math.Min(ceiling, learned) : learned) : _ceiling ?? _startupRate;

    /// <summary>The bucket's depth: the configured burst at the ceiling, else what <see cref="PacingSlack"/> saves up at the learned rate.</summary>
    public int Burst => _learned is { } learned && (_ceiling is not { } ceiling || learned < ceiling)
        ? Math.Max(1, (int)(learned * PacingSlack.TotalSeconds))
        : _ceilingBurst;

    /// <summary>
    /// How long from the first request the slow-start window may hold requests back. A host whose first pages hang
    /// answers nothing to grow the window on; a hung page must cost only its own slot, not keep the host at two (the
    /// startup pace, not the window, is what meets an unknown limit gently).
    /// </summary>
    public static readonly TimeSpan StartupWindowTime = TimeSpan.FromSeconds(1);

    /// <summary>How long the slow-start window may still hold requests back, from <paramref name="now"/>.</summary>
    public TimeSpan StartupWindowLeft(long now) => !_started ? StartupWindowTime
        : TimeSpan.FromSeconds(Math.Max(0, StartupWindowTime.TotalSeconds - Seconds(now - _firstSentAt)));

    /// <summary>During startup, the most requests in flight; else <see langword="null"/>.</summary>
    public int? StartupWindow => _phase == RatePhase.Startup ? (int)Math.Min(int.MaxValue, InitialWindow + _acceptedTotal) : null;

    /// <summary>Sets what the runs using the host ask for.</summary>
    /// <param name="ceiling">The configured rate (the strictest of <see cref="RateLimitOptions.RequestsPerSecond"/> and robots.txt <c>Crawl-delay</c>), or none.</param>
    /// <param name="burst">The configured burst.</param>
    /// <param name="perHost">The host's concurrency ceiling (slow start ends there).</param>
    /// <param name="enabled">Whether the rate is learned (<see cref="RateLimitOptions.Adaptive"/>).</param>
    public void Configure(double? ceiling, int burst, int perHost, bool enabled)
    {
        _ceiling = ceiling;
        _ceilingBurst = Math.Max(1, burst);
        _perHost = perHost;
        _enabled = enabled;
        if (!enabled)
        {
            _learned = null;
            _phase = RatePhase.Open;
        }
        else if (_phase == RatePhase.Startup && ceiling is not null)
        {
            // A configured rate paces from the first request: no slow start.
            _phase = RatePhase.Open;
        }

        if (_learned is { } learned && ceiling is { } c && learned >= c)
        {
            _learned = null;
            _phase = RatePhase.Open;
        }
    }

    /// <summary>Starts from a rate learned earlier (by another worker, or an earlier run), as after a measured cut.</summary>
    public void Seed(double requestsPerSecond, long now)
    {
        if (!_enabled || !double.IsFinite(requestsPerSecond) || requestsPerSecond <= 0)
        {
            return;
        }

        _learned = Math.Max(MinimumRate, requestsPerSecond);
        Estimate = requestsPerSecond;
        _cut = true;
        _cutAt = _phaseSince = _raisedAt = now;
        _phase = RatePhase.Hold;
        _step = FirstStep;
        Configure(_ceiling, _ceilingBurst, _perHost, _enabled);
    }

    /// <summary>Records that request <paramref name="sequence"/> is sent now.</summary>
    public void OnSent(long sequence, long now)
    {
        if (!_started)
        {
            _started = true;
            _firstSentAt = _raisedAt = now;
        }

        var slot = (int)(sequence % Remembered);
        _sequences[slot] = sequence;
        _sentAt[slot] = now;
        _fates[slot] = RequestFate.Pending;
        _lastSequence = sequence;
    }

    /// <summary>Records that the bucket held a request back: the rate is what limits the host, so a probe step counts.</summary>
    public void MarkRateBound() => _rateBound = true;

    /// <summary>Reads one answer.</summary>
    /// <param name="sequence">The request's number (sends so far when it was sent).</param>
    /// <param name="sent">Sends so far.</param>
    /// <param name="kind">What the answer was.</param>
    /// <param name="latency">Time to headers (<see cref="TimeSpan.Zero"/> for none).</param>
    /// <param name="urlKey">A hash of the URL (503s on many URLs are a host's, on one URL a page's).</param>
    /// <param name="now">The clock's timestamp.</param>
    /// <returns>Whether the answer was a rate signal, and whether the rate changed.</returns>
    public RateVerdict OnAnswer(long sequence, long sent, AnswerKind kind, TimeSpan latency, int urlKey, long now)
    {
        if (kind == AnswerKind.None)
        {
            return default;
        }

        // A URL's repeated 503 counts only while the host also accepts some requests (a limiter refuses some and
        // accepts others; a page that is down refuses every attempt, and at the end of a crawl only such pages are left).
        _recent[_recentNext] = kind == AnswerKind.Unavailable && (FirstUnavailable(urlKey) || Array.IndexOf(_recentAccepted, true, 0, _recentCount) >= 0);
        _recentAccepted[_recentNext] = kind == AnswerKind.Answered;
        _recentUrls[_recentNext] = urlKey;
        _recentNext = (_recentNext + 1) % RecentAnswers;
        _recentCount = Math.Min(RecentAnswers, _recentCount + 1);
        if (kind == AnswerKind.Unavailable && !_limitedBy503 && UnavailableIsDense())
        {
            // A quarter of the last answers were 503s, from several URLs: a rate limiter, not a few bad pages.
            _limitedBy503 = true;
            Trace?.Invoke($"{Seconds(now):0.000} 503s read as a rate limit from now on");
        }

        var limited = kind == AnswerKind.TooManyRequests || (kind == AnswerKind.Unavailable && _limitedBy503);
        var slot = (int)(sequence % Remembered);
        if (_sequences[slot] == sequence)
        {
            _fates[slot] = limited ? RequestFate.Refused : kind == AnswerKind.Answered ? RequestFate.Accepted : RequestFate.Other;
        }

        if (limited)
        {
            LimitedAnswers++;
        }
        else if (kind == AnswerKind.Answered)
        {
            _acceptedTotal++;
            if (latency > TimeSpan.Zero)
            {
                _latencySeconds = _latencySeconds == 0 ? latency.TotalSeconds : _latencySeconds + ((latency.TotalSeconds - _latencySeconds) / 8);
            }

            if (_phase == RatePhase.Startup && StartupWindow >= _perHost)
            {
                _phase = RatePhase.Open;
            }
        }

        if (!_enabled)
        {
            return new RateVerdict(limited, false, false);
        }

        if (limited && sequence > _cutSequence)
        {
            return Cut(sent, now);
        }

        return new RateVerdict(limited, Advance(now), false);
    }

    /// <summary>Moves the hold and the probes along the clock.</summary>
    /// <returns>Whether <see cref="Rate"/> changed.</returns>
    public bool Advance(long now)
    {
        if (_phase == RatePhase.Startup || _startupRate is not null)
        {
            return AdvanceStartup(now);
        }

        if (_learned is not { } learned)
        {
            return false;
        }

        var since = Seconds(now - _phaseSince);
        switch (_phase)
        {
            case RatePhase.Hold when since >= (_measured ? Math.Max(MinHold.TotalSeconds, HoldRequests / learned) : Math.Max(ShortHold.TotalSeconds, ShortHoldRequests / learned)):
                _proven = learned;
                _probeBase = learned;
                _step = FirstStep;
                _phase = RatePhase.Probe;
                _phaseSince = now;
                _rateBound = false;
                return false;
            case RatePhase.Settle when since >= (_discovered ? MeasureWindow.TotalSeconds + SettleSeconds : ProbeInterval(learned)):
                // No refusal for a window: hold the rate (the refusals were answered), or, while discovering from the
                // first cut (a rate only known to be too high), probe upwards at once.
                _phase = _discovered ? RatePhase.Hold : RatePhase.Probe;
                _step = _discovered ? FirstStep : DiscoveryStep;
                _proven = learned;
                _probeBase = learned;
                _phaseSince = now;
                _rateBound = false;
                return false;
            case RatePhase.Probe when since >= ProbeInterval(learned):
                _phaseSince = now;
                if (!_rateBound)
                {
                    // The host is held back by something else (its concurrency, no URLs): a higher rate would not be tried.
                    return false;
                }

                _rateBound = false;
                _raisedAt = now;
                _cutSequence = _lastSequence;
                _proven = learned;   // a whole step at this rate without a refusal
                Trace?.Invoke($"{Seconds(now):0.000} probe {learned:0.##} +{_step:P0}");
                _learned = learned * (1 + _step);
                _step = Math.Min(MaxStep, _step * 2);
                if (_discovered && _learned >= _probeBase * MaxProbeClimb)
                {
                    // A server with a deep burst answers a probe well above its rate without a refusal until the burst
                    // is spent, so the probes climb blind: no more than doubling from the rate known good, then a hold
                    // there (which a burst does not outlast) before probing on.
                    _learned = _probeBase * MaxProbeClimb;
                    _phase = RatePhase.Hold;
                    _measured = false;
                }
                if (_ceiling is { } ceiling && _learned >= ceiling)
                {
                    _learned = null;
                    _phase = RatePhase.Open;
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The startup pacing: <see cref="StartupRate"/> doubling every <see cref="StartupDoubling"/> until a refusal, the end of slow start or <see cref="MaxStartupRate"/>.</summary>
    private bool AdvanceStartup(long now)
    {
        if (_phase != RatePhase.Startup || !_enabled)
        {
            // Ended by the concurrency window or a configured rate: the pacing goes with it.
            var had = _startupRate is not null;
            _startupRate = null;
            return had;
        }

        if (!_started)
        {
            return false;
        }

        // The pace doubles only for a step in which it held a request back: a host whose crawl has not started yet
        // (a listing page still loading) is not met by a pace grown while nothing was sent.
        if (_startupRate is null)
        {
            _startupRate = StartupRate;
            _startupStepAt = now;
            _rateBound = false;
            return true;
        }

        if (now - _startupStepAt < StartupDoubling.TotalSeconds * _frequency)
        {
            return false;
        }

        _startupStepAt = now;
        if (!_rateBound)
        {
            return false;
        }

        _rateBound = false;
        var rate = _startupRate.Value * 2;
        if (rate >= MaxStartupRate)
        {
            _phase = RatePhase.Open;
            _startupRate = null;
            return true;
        }

        _startupRate = rate;
        return true;
    }

    private RateVerdict Cut(long sent, long now)
    {
        var before = Rate;
        if (_cut && now - _evaluatedAt < _frequency / 100)
        {
            return new RateVerdict(true, false, false);
        }

        _evaluatedAt = now;
        var m = Measure(now);
        Trace?.Invoke($"{Seconds(now):0.000} refusal at {before:0.##}: {m} phase {_phase}");
        double next;
        var holdingMeasured = _phase == RatePhase.Hold && _measured;
        if (_phase == RatePhase.Probe && _proven > 0 && before is { } probed && _proven < probed)
        {
            // A probe step was refused: back to the last rate that ran a whole step without a refusal. Held long when
            // the step was small (the host's rate is between the two), re-probed soon from there when it was large.
            next = _proven;
            _measured = probed <= _proven * (1 + (2 * FirstStep));
            _phase = RatePhase.Hold;
            _discovered = true;
        }
        else if (m.Saturated)
        {
            // Refused in both halves of a steady stretch of at least a window: what was accepted is the host's rate.
            Estimate = m.Measured;
            next = Math.Min(m.Measured, before ?? double.PositiveInfinity) * (1 - Margin);
            _phase = RatePhase.Hold;
            _discovered = true;
            _measured = true;
            _proven = next;
        }
        else if (_learned is null && (_phase == RatePhase.Startup || before is null))
        {
            // The first refusal: half the rate actually sent (slow start, or as fast as concurrency allowed), as TCP
            // halves on its first loss: slow start met the limit at up to twice it, and a fixed window, once spent,
            // refuses whatever is sent until it turns over.
            // When the refusal comes within the first round trips, the last second holds few settled sends (none on a
            // clock that has not moved): all requests sent so far, over the time since the first (a second at
            // least), are then the better base, so that a first 429 does not cut the host to the minimum rate.
            next = Math.Max(m.Sent, _lastSequence / Math.Max(Seconds(now - _firstSentAt), 1)) * FirstCut;
            _phase = RatePhase.Settle;
            _startupRate = null;
            _proven = 0;
        }
        else if (before is { } pace && m.RefusedShare >= QuickCutShare && (!_cut || Seconds(now - _cutAt) >= Math.Max(MinCutSpacing.TotalSeconds, SettleSeconds)))
        {
            // Many refused (a limit lowered, a burst allowance spent): down by that share at once, but not below what
            // the host accepted over the last window (a fixed window refuses everything until it turns over).
            next = pace * Math.Clamp(1 - m.RefusedShare, QuickCutFloor, QuickCutCeiling);
            if (Seconds(now - _firstSentAt) >= MeasureWindow.TotalSeconds + SettleSeconds)
            {
                // Not early on: a burst the server allowed at first would make the floor too high. The floor is the
                // last second's (the share's own second): over a longer window a limit just lowered would still count
                // the higher rate accepted before it, and hold the cut up.
                next = Math.Max(next, m.AcceptedLastSecond * (1 - Margin));
            }

            _phase = RatePhase.Settle;
            _discovered = true;
            _measured = false;
        }
        else
        {
            // A few refused: the rate is just above the host's. Hold it still until a steady stretch measures it.
            _phase = RatePhase.Settle;
            _phaseSince = now;
            return new RateVerdict(true, false, false);
        }

        if (holdingMeasured && m.StretchRefusedShare < Margin && before is { } paced)
        {
            // The delivery-rate floor (BBR's): a refusal while holding a measured rate never cuts below what the host
            // measurably accepted over the last second (nor above the pace). A refusal that scheduling jitter caused
            // (two requests bunched on their way to a limiter one deep) costs only its own share instead of the
            // margin again and again (it drifted from 40 to 10 a second), and a limit just lowered is still cut to at
            // once (the last second accepts at most the new limit, plus what is left of its burst). Only there: while
            // discovering, the last second may still hold a burst the server allowed at first (5 a second with a
            // burst of 20 refused 12 % with the floor on every cut, 3.4 % without). And only while fewer than the
            // margin of the stretch's requests were refused: a pace above the host's by more than jitter is refused
            // more often than that (5.4 a second against 5 refused 8 %), and must be cut by the margin.
            next = Math.Max(next, Math.Min(paced, m.AcceptedLastSecond));
        }

        next = Math.Max(MinimumRate, next);
        _learned = next;
        _proven = Math.Min(_proven, next);
        _cut = true;
        _cutAt = now;
        _cutSequence = sent;
        _phaseSince = now;
        _rateBound = false;
        if (next > (before ?? double.PositiveInfinity))
        {
            _raisedAt = now;
        }

        return new RateVerdict(true, next != before, m.Saturated && m.Measured < MinimumRate);
    }

    /// <summary>Twice the latency, and a little: by then a request's answer is in.</summary>
    private double SettleSeconds => (2 * _latencySeconds) + 0.01;

    /// <summary>
    /// The requests whose answers are in (sent at least <see cref="SettleSeconds"/> ago), by send time, so that
    /// refusals answered at once and acceptances answered after the latency are counted alike:
    /// <list type="bullet">
    /// <item>the steady stretch since the rate last went up (at most <see cref="MaxMeasureWindow"/>): when it lasts at
    /// least <see cref="MeasureWindow"/> and has refusals in both halves, the server was at its limit throughout
    /// (<c>Saturated</c>) and the rate it accepted then is its rate (<c>Measured</c>);</item>
    /// <item>the rate accepted over the last <see cref="MeasureWindow"/> (a floor for quick cuts);</item>
    /// <item>the share refused of the last second's requests (a fixed window's refusals and acceptances both fall in a
/// second), or of those sent since the last cut when the last second had too few;</item>
    /// <item>the rate sent over the last second (what the first cut starts from).</item>
    /// </list>
    /// </summary>
    private Measurement Measure(long now)
    {
        var settle = (long)(SettleSeconds * _frequency);
        var end = now - settle;
        var second = end - _frequency;
        var window = end - (long)(MeasureWindow.TotalSeconds * _frequency);
        // The first second is left out: a burst the server allowed at first would make it look faster than it is.
        var start = Math.Max(Math.Max(_raisedAt, _firstSentAt + _frequency), end - (long)(MaxMeasureWindow.TotalSeconds * _frequency));
        var oldest = end;
        var acceptedTimes = 0;
        int sentLastSecond = 0, acceptedWindow = 0, acceptedSecond = 0, settledSecond = 0, refusedSecond = 0, settledPostCut = 0, refusedPostCut = 0;
        var refusedAt = new List<long>();
        for (var sequence = _lastSequence; sequence > 0 && sequence > _lastSequence - Remembered; sequence--)
        {
            var slot = (int)(sequence % Remembered);
            var at = _sentAt[slot];
            if (_sequences[slot] != sequence || (at < start && at < window))
            {
                break;
            }

            sentLastSecond += at >= now - _frequency ? 1 : 0;
            if (at > end)
            {
                continue;
            }

            var fate = _fates[slot];
            var accepted = fate == RequestFate.Accepted;
            var refused = fate == RequestFate.Refused;
            acceptedWindow += accepted && at >= window ? 1 : 0;
            if (at >= start)
            {
                oldest = at;
                if (accepted)
                {
                    _acceptedTimes[acceptedTimes++] = at;
                }

                if (refused)
                {
                    refusedAt.Add(at);
                }
            }

            if (at >= second && (accepted || refused))
            {
                settledSecond++;
                refusedSecond += refused ? 1 : 0;
                acceptedSecond += accepted ? 1 : 0;
            }

            if (sequence > _cutSequence && (accepted || refused))
            {
                settledPostCut++;
                refusedPostCut += refused ? 1 : 0;
            }
        }

        // The stretch runs from its first refusal: before it the server was not yet at its limit (or at a higher one,
        // when the limit was just lowered), and what it accepted then says nothing about the limit now.
        var from = refusedAt.Count > 0 ? Math.Max(refusedAt[^1], Math.Max(start, oldest)) : Math.Max(start, oldest);
        var stretch = Seconds(end - from);
        var middle = end - ((end - from) / 2);
        var acceptedStretch = 0;
        while (acceptedStretch < acceptedTimes && _acceptedTimes[acceptedStretch] >= from)
        {
            acceptedStretch++;   // newest first
        }

        var saturated = stretch >= MeasureWindow.TotalSeconds && refusedAt.Exists(t => t < middle) && refusedAt.Exists(t => t >= middle);
        var share = settledSecond >= MinimumAnswers ? refusedSecond / (double)settledSecond
            : settledPostCut == 0 ? 0 : refusedPostCut / (double)settledPostCut;

        // The most accepted in any second of the stretch: a fixed window's quota exactly, wherever its periods fall
        // (the average over the stretch is off by up to a quota); a token bucket's rate, once its burst is spent.
        var busiest = 0;
        for (int newest = 0, last = 0; last < acceptedStretch; last++)
        {
            while (_acceptedTimes[newest] - _acceptedTimes[last] >= _frequency)
            {
                newest++;
            }

            busiest = Math.Max(busiest, last - newest + 1);
        }

        return new Measurement(
            saturated ? Math.Max(acceptedStretch / stretch, busiest) : 0,
            acceptedTimes + refusedAt.Count == 0 ? 0 : refusedAt.Count / (double)(acceptedTimes + refusedAt.Count),
            saturated,
            acceptedWindow / Math.Clamp(Seconds(end - _firstSentAt), MinCutSpacing.TotalSeconds, MeasureWindow.TotalSeconds),
            acceptedSecond,
            sentLastSecond,
            share);
    }

    /// <summary>How long a probe step lasts: a few answers' worth (not while discovering), and two round trips.</summary>
    private double ProbeInterval(double rate) =>
        Math.Max(Math.Max(MinProbeInterval.TotalSeconds, _discovered ? ProbeAnswers / rate : 0), 2 * _latencySeconds);

    /// <summary>Whether this is the first 503 of the URL (a bounded memory: forgotten after <see cref="Remembered"/> URLs).</summary>
    private bool FirstUnavailable(int urlKey)
    {
        if (_unavailableUrls.Count >= Remembered)
        {
            _unavailableUrls.Clear();
        }

        return _unavailableUrls.Add(urlKey);
    }

    /// <summary>Whether <see cref="DenseUnavailable"/> of the last <see cref="RecentAnswers"/> answers were 503s from <see cref="DenseUrls"/> URLs.</summary>
    private bool UnavailableIsDense()
    {
        Span<int> urls = stackalloc int[RecentAnswers];
        int unavailable = 0, distinct = 0;
        for (var i = 0; i < _recentCount; i++)
        {
            if (!_recent[i])
            {
                continue;
            }

            unavailable++;
            if (!urls[..distinct].Contains(_recentUrls[i]))
            {
                urls[distinct++] = _recentUrls[i];
            }
        }

        return unavailable >= DenseUnavailable && distinct >= DenseUrls;
    }

    private double Seconds(long ticks) => ticks / (double)_frequency;

    private readonly record struct Measurement(double Measured, double StretchRefusedShare, bool Saturated, double Accepted, double AcceptedLastSecond, double Sent, double RefusedShare);

    private enum RequestFate : byte
    {
        Pending,
        Accepted,
        Refused,
        Other,
    }
}
