namespace DeclarativeScrape;

/// <summary>
/// A host's adaptive concurrency limit (AIMD): 429/503 answers cut it in half, a latency that stays far above the
/// host's baseline cuts it by a quarter, and every window of healthy answers grows it by one back towards the
/// ceiling. It never goes below 1. Not thread-safe: the host gate calls it under its lock.
/// </summary>
/// <remarks>
/// <para>One cut per round trip: a congestion signal from a request that started before the last cut is ignored
/// (those requests were sent under the old limit), as TCP does.</para>
/// <para>The latency signal is deliberately conservative, so that a healthy host under full load is never throttled:
/// a window's mean time-to-headers must exceed <see cref="LatencyFactor"/> × the baseline <em>and</em> the baseline
/// plus <see cref="LatencyMinimumRise"/>, for <see cref="SlowWindowsToCut"/> windows in a row. The baseline is the
/// lowest window mean seen, drifting slowly up towards later means so that a lasting change is adopted.</para>
/// </remarks>
internal sealed class AdaptiveLimit
{
    public const double CongestionFactor = 0.5;
    public const double LatencyFactor = 4;
    public const double LatencyCutFactor = 0.75;
    public const int MinimumWindow = 8;
    public const int SlowWindowsToCut = 3;
    public const double BaselineDrift = 0.05;
    public static readonly TimeSpan LatencyMinimumRise = TimeSpan.FromMilliseconds(250);

    private double _limit;
    private long _started;
    private long _startedAtCut = -1;
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

    /// <summary>Records that a request starts; the sequence number goes back to <see cref="OnResponse"/>.</summary>
    public long OnStart() => ++_started;

    /// <summary>Records an answer (or a failure with no answer, which says nothing about the host's load).</summary>
    /// <param name="startSequence">The request's <see cref="OnStart"/> number.</param>
    /// <param name="congestion">A 429 or 503.</param>
    /// <param name="latency">Time to headers; <see cref="TimeSpan.Zero"/> when there was no answer.</param>
    /// <returns>Whether <see cref="Current"/> changed.</returns>
    public bool OnResponse(long startSequence, bool congestion, TimeSpan latency)
    {
        if (!Enabled)
        {
            return false;
        }

        var before = Current;
        if (congestion)
        {
            Cut(startSequence, CongestionFactor);
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
            Cut(startSequence, LatencyCutFactor);
        }
        else if (!slow && _limit < Ceiling)
        {
            _limit = Math.Min(Ceiling, Math.Floor(_limit) + 1);
        }

        return Current != before;
    }

    private void Cut(long startSequence, double factor)
    {
        if (startSequence <= _startedAtCut)
        {
            return;
        }

        _startedAtCut = _started;
        _limit = Math.Max(1, Math.Floor(_limit * factor));
        _windowCount = 0;
        _windowSumMs = 0;
    }
}
