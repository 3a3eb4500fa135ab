using System.Threading.RateLimiting;

namespace DeclarativeScrape;

/// <summary>
/// A host's token bucket: one token every <see cref="ReplenishmentPeriod"/>, at most <c>burst</c> saved up, never
/// queued (the dispatcher asks and moves on). Replenished from the injected <see cref="TimeProvider"/> on every
/// acquisition, so tests drive it with a fake clock.
/// </summary>
/// <remarks>
/// <para>A late dispatcher does not lose the rate. A refusal tells the caller when the next token is due; when the
/// caller comes back after that (a timer and a thread-pool hop late, a few milliseconds on a busy machine), the time it
/// was late, up to <see cref="CatchUp"/> and never more than one period, is kept as a fraction of the next token, so
/// the next one is due on the schedule rather than a period after the late grant. Without it a burst of 1 at 40
/// requests a second paced at 35 under load (every token a few milliseconds late, and that time lost). Only a caller
/// that was waiting for the token gets it: a host that was idle saves up <c>burst</c> tokens, no more.</para>
/// <para>
/// A <see cref="ReplenishingRateLimiter"/> of our own rather than <see cref="TokenBucketRateLimiter"/>: with
/// <c>AutoReplenishment</c> off, the latter's <c>TryReplenish</c> measures elapsed time with
/// <see cref="System.Diagnostics.Stopwatch"/> itself (System.Threading.RateLimiting 10.0), so no injected clock can
/// drive it and a rate-limit test would have to sleep.</para>
/// </remarks>
internal sealed class HostTokenBucket : ReplenishingRateLimiter
{
    /// <summary>The most lateness of a waiting caller kept for the next token (and never more than one period).</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromMilliseconds(50);

    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly int _burst;
    private readonly object _lock = new();
    private double _tokens;
    private long _last;
    private long _due = -1;
    private double _lostToCap;

    public HostTokenBucket(TimeProvider time, TimeSpan period, int burst, double? tokens = null)
    {
        _time = time;
        _period = period;
        _burst = burst;
        _tokens = Math.Clamp(tokens ?? burst, 0, burst);
        _last = time.GetTimestamp();
    }

    public override TimeSpan ReplenishmentPeriod => _period;

    public override bool IsAutoReplenishing => false;

    public override TimeSpan? IdleDuration => null;

    /// <summary>Tokens saved up at most.</summary>
    public int Burst => _burst;

    /// <summary>Tokens saved up now (fractions included).</summary>
    public double Tokens
    {
        get
        {
            lock (_lock)
            {
                Replenish();
                return _tokens;
            }
        }
    }

    public override bool TryReplenish()
    {
        lock (_lock)
        {
            Replenish();
        }

        return true;
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Replenish();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_tokens };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            Replenish();
            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                KeepLateness();
                return Granted;
            }

            var wait = _period * (permitCount - _tokens);
            _due = _last + (long)(wait.TotalSeconds * _time.TimestampFrequency);
            return new Lease(false, wait);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    /// <summary>After a grant to a caller that waited for its token: the time it came late is kept (see the remarks).</summary>
    private void KeepLateness()
    {
        if (_due < 0)
        {
            return;
        }

        var late = _time.GetElapsedTime(_due, _last);
        var lost = _lostToCap;
        _due = -1;
        _lostToCap = 0;
        var keep = _period < CatchUp ? _period : CatchUp;
        if (late <= TimeSpan.Zero)
        {
            return;
        }

        // What the cap took off while the caller was late, up to what it was late and at most the catch-up.
        _tokens = Math.Min(_burst, _tokens + Math.Min((late < keep ? late : keep) / _period, lost));
    }

    private void Replenish()
    {
        var now = _time.GetTimestamp();
        var added = _time.GetElapsedTime(_last, now) / _period;
        _last = now;
        if (_due >= 0)
        {
            _lostToCap += Math.Max(0, _tokens + added - _burst);
        }

        _tokens = Math.Min(_burst, _tokens + added);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
