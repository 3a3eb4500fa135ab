using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace DeclarativeScrape.TestSite;

/// <summary>How a <see cref="ServerRateLimit"/> counts.</summary>
public enum RateLimitMode
{
    /// <summary>A token bucket: <see cref="ServerRateLimit.RequestsPerSecond"/> tokens a second, <see cref="ServerRateLimit.Burst"/> deep, full at the start.</summary>
    TokenBucket,

    /// <summary>At most floor(<see cref="ServerRateLimit.RequestsPerSecond"/>) requests in each 1-second window, the first window opening at the first request.</summary>
    FixedWindow,
}

/// <summary>
/// A rate limiter for a <see cref="TestServer"/>, as the benchmark site's ratelimit scenario has one: every request
/// (control paths excepted) takes a token or a window slot, and one without gets <see cref="Status"/> (429 or 503)
/// with <c>Retry-After</c> (or none). Time comes from the server's <see cref="TestServer.Clock"/>, so a test drives it
/// with a fake clock. It records when each request arrived and whether it was let through.
/// </summary>
public sealed class ServerRateLimit
{
    private readonly object _lock = new();
    private readonly List<(DateTimeOffset At, bool Accepted)> _arrivals = [];
    private double _rate;
    private double _tokens;
    private DateTimeOffset? _last;
    private DateTimeOffset? _windowStart;
    private long _window = -1;
    private long _inWindow;

    /// <summary>Creates a limiter.</summary>
    /// <param name="requestsPerSecond">The rate allowed.</param>
    /// <param name="burst">The bucket's depth (a token bucket only).</param>
    /// <param name="mode">How it counts.</param>
    /// <param name="status">The status of a refused request: 429 or 503.</param>
    /// <param name="retryAfterSeconds">The <c>Retry-After</c> of a refused request; <see langword="null"/> for none.</param>
    public ServerRateLimit(double requestsPerSecond, int burst = 1, RateLimitMode mode = RateLimitMode.TokenBucket, int status = 429, int? retryAfterSeconds = 1)
    {
        _rate = requestsPerSecond;
        Burst = burst;
        Mode = mode;
        Status = status;
        RetryAfterSeconds = retryAfterSeconds;
        _tokens = burst;
    }

    /// <summary>The rate allowed now.</summary>
    public double RequestsPerSecond
    {
        get
        {
            lock (_lock)
            {
                return _rate;
            }
        }
    }

    /// <summary>The bucket's depth.</summary>
    public int Burst { get; }

    /// <summary>How it counts.</summary>
    public RateLimitMode Mode { get; }

    /// <summary>The status of a refused request.</summary>
    public int Status { get; }

    /// <summary>The <c>Retry-After</c> of a refused request, in seconds; <see langword="null"/> for none.</summary>
    public int? RetryAfterSeconds { get; }

    /// <summary>Requests let through.</summary>
    public int Accepted
    {
        get
        {
            lock (_lock)
            {
                return _arrivals.Count(a => a.Accepted);
            }
        }
    }

    /// <summary>Requests refused.</summary>
    public int Refused
    {
        get
        {
            lock (_lock)
            {
                return _arrivals.Count(a => !a.Accepted);
            }
        }
    }

    /// <summary>Every request's arrival, in order, and whether it was let through.</summary>
    public IReadOnlyList<(DateTimeOffset At, bool Accepted)> Arrivals
    {
        get
        {
            lock (_lock)
            {
                return [.. _arrivals];
            }
        }
    }

    /// <summary>Changes the rate from now on (a limit raised or lowered mid-crawl).</summary>
    /// <param name="requestsPerSecond">The new rate.</param>
    public void SetRate(double requestsPerSecond)
    {
        lock (_lock)
        {
            _rate = requestsPerSecond;
        }
    }

    /// <summary>Takes a token (or a window slot) for a request arriving at <paramref name="now"/>.</summary>
    /// <param name="now">The arrival time.</param>
    /// <returns>Whether the request may be answered.</returns>
    public bool TryAdmit(DateTimeOffset now)
    {
        lock (_lock)
        {
            bool admitted;
            if (Mode == RateLimitMode.FixedWindow)
            {
                _windowStart ??= now;
                var window = (long)Math.Floor((now - _windowStart.Value).TotalSeconds);
                if (window != _window)
                {
                    _window = window;
                    _inWindow = 0;
                }

                admitted = _inWindow < (long)Math.Floor(_rate);
                _inWindow += admitted ? 1 : 0;
            }
            else
            {
                if (_last is { } last)
                {
                    _tokens = Math.Min(Burst, _tokens + (Math.Max(0, (now - last).TotalSeconds) * _rate));
                }

                _last = now;
                admitted = _tokens >= 1;
                _tokens -= admitted ? 1 : 0;
            }

            _arrivals.Add((now, admitted));
            return admitted;
        }
    }

    /// <summary>Writes the refusal.</summary>
    internal Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        if (RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return context.Response.WriteAsync(Status == 429 ? "Too Many Requests" : "Service Unavailable", context.RequestAborted);
    }
}
