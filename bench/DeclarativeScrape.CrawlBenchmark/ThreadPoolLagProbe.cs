using System.Diagnostics;

namespace DeclarativeScrape.CrawlBenchmark;

/// <summary>
/// Measures how late the thread pool runs a timer callback: a one-shot <see cref="Timer"/> (its callback runs on the
/// thread pool) is armed for <see cref="Interval"/>, and each callback records how long after its due time it ran,
/// then re-arms. An idle process shows the timer's own resolution (well under a millisecond); a busy pool adds its
/// queueing delay, which is what delays every I/O continuation of the crawl too.
/// </summary>
internal sealed class ThreadPoolLagProbe : IDisposable
{
    /// <summary>The time between two samples.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly Lock _gate = new();
    private readonly List<double> _lagMs = new(capacity: 16 * 1024);
    private readonly Timer _timer;
    private long _due;
    private bool _stopped;

    public ThreadPoolLagProbe()
    {
        _timer = new Timer(static s => ((ThreadPoolLagProbe)s!).Tick(), this, Timeout.Infinite, Timeout.Infinite);
        Arm();
    }

    /// <summary>Stops sampling and returns the lag distribution.</summary>
    public LagSummary Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            return LagSummary.Of(_lagMs);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Arm()
    {
        Volatile.Write(ref _due, Stopwatch.GetTimestamp() + (long)(Interval.TotalSeconds * Stopwatch.Frequency));
        _timer.Change(Interval, Timeout.InfiniteTimeSpan);
    }

    private void Tick()
    {
        var late = Stopwatch.GetElapsedTime(Volatile.Read(ref _due)).TotalMilliseconds;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _lagMs.Add(Math.Max(0, late));
            Arm();
        }
    }
}

/// <summary>The distribution of a lag probe's samples, in milliseconds.</summary>
internal sealed record LagSummary(int Samples, double P50Ms, double P99Ms, double MaxMs)
{
    public static LagSummary Of(List<double> lagMs)
    {
        if (lagMs.Count == 0)
        {
            return new LagSummary(0, 0, 0, 0);
        }

        var sorted = lagMs.ToArray();
        Array.Sort(sorted);
        return new LagSummary(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
