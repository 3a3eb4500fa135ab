using System.Threading.RateLimiting;

namespace DeclarativeScrape;

/// <summary>
/// A host's token bucket: one token every <see cref="ReplenishmentPeriod"/>, at most <c>burst</c> saved up, never
/// queued (the dispatcher asks and moves on). Replenished from the injected <see cref="TimeProvider"/> on every
/// acquisition, so tests drive it with a fake clock.
/// </summary>
/// <remarks>
/// A <see cref="ReplenishingRateLimiter"/> of our own rather than <see cref="TokenBucketRateLimiter"/>: with
/// <c>AutoReplenishment</c> off, the latter's <c>TryReplenish</c> measures elapsed time with
/// <see cref="System.Diagnostics.Stopwatch"/> itself (System.Threading.RateLimiting 10.0), so no injected clock can
/// drive it and a rate-limit test would have to sleep.
/// </remarks>
internal sealed class HostTokenBucket : ReplenishingRateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly int _burst;
    private readonly object _lock = new();
    private double _tokens;
    private long _last;

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
                return Granted;
            }

            return new Lease(false, _period * (permitCount - _tokens));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Replenish()
    {
        var now = _time.GetTimestamp();
        var added = _time.GetElapsedTime(_last, now) / _period;
        _last = now;
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
