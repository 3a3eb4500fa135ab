namespace DeclarativeScrape;

/// <summary>
/// The total and read-idle timeouts of one attempt, measured on the injected <see cref="TimeProvider"/> with one
/// lazily re-armed timer: progress (bytes arriving) only records a timestamp, and the timer, when it fires, checks
/// both limits and re-arms itself for whichever is due next. A stalled body is cut <see cref="TimeoutOptions.ReadIdle"/>
/// after its last bytes, while a slow drip that keeps sending runs until <see cref="TimeoutOptions.Request"/>.
/// </summary>
internal sealed class AttemptTimeouts : IDisposable
{
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _cancellation;
    private readonly TimeSpan _total;
    private readonly TimeSpan _idle;
    private readonly long _start;
    private ITimer? _timer;
    private long _lastProgress;
    private int _cause;
    private int _disposed;

    public AttemptTimeouts(TimeProvider time, TimeSpan total, TimeSpan idle, CancellationToken stopToken)
    {
        _time = time;
        _total = total;
        _idle = idle;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        _start = _lastProgress = time.GetTimestamp();
        _timer = time.CreateTimer(static s => ((AttemptTimeouts)s!).OnTimer(), this, total < idle ? total : idle, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The read-idle timeout (<see cref="TimeoutOptions.ReadIdle"/>).</summary>
    public TimeSpan ReadIdle => _idle;

    /// <summary>Cancelled when a timeout fires or the run stops.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary><see cref="FailureReason.Timeout"/> or <see cref="FailureReason.IdleTimeout"/> once one fired, else <see cref="FailureReason.None"/>.</summary>
    public FailureReason Cause => (FailureReason)Volatile.Read(ref _cause);

    /// <summary>Records that bytes arrived (or the headers did).</summary>
    public void Progress() => Volatile.Write(ref _lastProgress, _time.GetTimestamp());

    /// <summary>Describes the timeout that fired.</summary>
    public string Describe() => Cause == FailureReason.IdleTimeout
        ? $"no bytes received for {_idle.TotalSeconds:0.###} s (Timeouts.ReadIdle)"
        : $"the attempt took longer than {_total.TotalSeconds:0.###} s (Timeouts.Request)";

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _timer?.Dispose();
            _cancellation.Dispose();
        }
    }

    private void OnTimer()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_start, now);
        if (elapsed >= _total)
        {
            Fire(FailureReason.Timeout);
            return;
        }

        var idle = _time.GetElapsedTime(Volatile.Read(ref _lastProgress), now);
        if (idle >= _idle)
        {
            Fire(FailureReason.IdleTimeout);
            return;
        }

        var untilTotal = _total - elapsed;
        var untilIdle = _idle - idle;
        try
        {
            _timer?.Change(untilTotal < untilIdle ? untilTotal : untilIdle, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The attempt ended while the timer fired.
        }
    }

    private void Fire(FailureReason cause)
    {
        Interlocked.CompareExchange(ref _cause, (int)cause, 0);
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt ended while the timer fired.
        }
    }
}
