namespace DeclarativeScrape;

/// <summary>
/// A host's adaptive concurrency limit: it follows the host's health, not its rate limit (that is
/// <see cref="RateController"/>'s). It halves when the host as a whole is failing (most of its recent answers are
/// faults, across several URLs), drops by a quarter when the latency of its healthy answers stays far above its
/// baseline, and grows back by one per window of healthy answers towards the ceiling. It never goes below 1. Not
/// thread-safe: the host gate calls it under its lock.
/// </summary>
/// <remarks>
/// <para>A fault of one page — a hang, a drip, a reset, a 5xx on that URL, a truncated body — costs that page its own
/// slot for a bounded time (its timeouts) and its own retries; it does not shrink the host's limit, because a few bad
/// pages among many good ones say nothing about the host's load. Only when at least <see cref="FailingAnswers"/> of the
/// last <see cref="RecentAnswers"/> answers were faults, on at least <see cref="FailingUrls"/> different URLs, is the
/// host failing. Rate signals (429, a 503 read as a rate limit) are not faults: the rate controller answers them.</para>
/// <para>One cut per round trip: a signal from a request sent before the last cut is ignored (it was sent under the
/// old limit), as TCP does.</para>
/// <para>The latency signal is deliberately conservative, so that a healthy host under full load is never throttled:
/// a window's mean time-to-headers must exceed <see cref="LatencyFactor"/> × the baseline <em>and</em> the baseline
/// plus <see cref="LatencyMinimumRise"/>, for <see cref="SlowWindowsToCut"/> windows in a row. The baseline is the
/// lowest window mean seen, drifting slowly up towards later means so that a lasting change is adopted.</para>
/// </remarks>
internal sealed class AdaptiveLimit
{
    public const double FailingFactor = 0.5;
    public const int RecentAnswers = 16;
    public const int FailingAnswers = 12;
    public const int FailingUrls = 4;
    public const double LatencyFactor = 4;
    public const double LatencyCutFactor = 0.75;
    public const int MinimumWindow = 8;
    public const int SlowWindowsToCut = 3;
    public const double BaselineDrift = 0.05;
    public static readonly TimeSpan LatencyMinimumRise = TimeSpan.FromMilliseconds(250);

    private readonly int[] _recentFaultUrls = new int[RecentAnswers];
    private readonly bool[] _recentFault = new bool[RecentAnswers];
    private double _limit;
    private long _cutSequence = -1;
    private int _recentCount;
    private int _recentNext;
    private int _windowCount;
    private double _windowSumMs;
    private double _baselineMs;
    private int _slowWindows;

    public AdaptiveLimit(int ceiling, bool enabled)
    {
        Ceiling = ceiling;
        Enabled = enabled;
        _limit = ceiling;
    }

    /// <summary>The highest the limit goes: <see cref="ConcurrencyOptions.PerHost"/>.</summary>
    public int Ceiling { get; private set; }

    /// <summary>Whether the limit adapts; when not, it is the ceiling.</summary>
    public bool Enabled { get; private set; }

    /// <summary>Requests allowed in flight now.</summary>
    public int Current => Enabled ? Math.Max(1, (int)_limit) : Ceiling;

    /// <summary>The baseline latency, in milliseconds (0 until the first window).</summary>
    public double BaselineMilliseconds => _baselineMs;

    /// <summary>Changes the ceiling (the runs using the host changed) and whether the limit adapts.</summary>
    public void Configure(int ceiling, bool enabled)
    {
        if (ceiling > Ceiling && _limit >= Ceiling)
        {
            _limit = ceiling;
        }

        Ceiling = ceiling;
        Enabled = enabled;
        _limit = Math.Min(_limit, ceiling);
    }

    /// <summary>Records an answer, or a failure with no answer.</summary>
    /// <param name="sequence">The request's number (sends so far when it was sent).</param>
    /// <param name="sent">Sends so far.</param>
    /// <param name="kind">What the answer was; a rate signal is given as <see cref="AnswerKind.None"/>.</param>
    /// <param name="latency">Time to headers; <see cref="TimeSpan.Zero"/> when there was no answer.</param>
    /// <param name="urlKey">A hash of the URL, to tell a host failing from one page failing again and again.</param>
    /// <returns>Whether <see cref="Current"/> changed.</returns>
    public bool OnResponse(long sequence, long sent, AnswerKind kind, TimeSpan latency, int urlKey)
    {
        if (!Enabled || kind == AnswerKind.None)
        {
            return false;
        }

        var before = Current;
        var fault = kind is AnswerKind.Fault or AnswerKind.Unavailable;
        _recentFault[_recentNext] = fault;
        _recentFaultUrls[_recentNext] = urlKey;
        _recentNext = (_recentNext + 1) % RecentAnswers;
        _recentCount = Math.Min(RecentAnswers, _recentCount + 1);
        if (fault)
        {
            if (HostIsFailing())
            {
                Cut(sequence, sent, FailingFactor);
            }

            return Current != before;
        }

        if (latency <= TimeSpan.Zero)
        {
            return false;
        }

        _windowSumMs += latency.TotalMilliseconds;
        if (++_windowCount < Math.Max(MinimumWindow, (int)Math.Ceiling(_limit)))
        {
            return false;
        }

        var mean = _windowSumMs / _windowCount;
        _windowSumMs = 0;
        _windowCount = 0;
        if (_baselineMs == 0 || mean < _baselineMs)
        {
            _baselineMs = mean;
        }
        else
        {
            _baselineMs += (mean - _baselineMs) * BaselineDrift;
        }

        var slow = mean > _baselineMs * LatencyFactor && mean - _baselineMs > LatencyMinimumRise.TotalMilliseconds;
        _slowWindows = slow ? _slowWindows + 1 : 0;
        if (_slowWindows >= SlowWindowsToCut)
        {
            _slowWindows = 0;
            Cut(sequence, sent, LatencyCutFactor);
        }
        else if (!slow && _limit < Ceiling)
        {
            _limit = Math.Min(Ceiling, Math.Floor(_limit) + 1);
        }

        return Current != before;
    }

    private bool HostIsFailing()
    {
        var faults = 0;
        Span<int> urls = stackalloc int[RecentAnswers];
        var distinct = 0;
        for (var i = 0; i < _recentCount; i++)
        {
            if (!_recentFault[i])
            {
                continue;
            }

            faults++;
            if (!urls[..distinct].Contains(_recentFaultUrls[i]))
            {
                urls[distinct++] = _recentFaultUrls[i];
            }
        }

        return faults >= FailingAnswers && distinct >= FailingUrls;
    }

    private void Cut(long sequence, long sent, double factor)
    {
        if (sequence <= _cutSequence)
        {
            return;
        }

        _cutSequence = sent;
        _limit = Math.Max(1, Math.Floor(_limit * factor));
        _windowCount = 0;
        _windowSumMs = 0;
    }
}
