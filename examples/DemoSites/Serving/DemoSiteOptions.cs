namespace DeclarativeScrape.DemoSites;

/// <summary>Options every demo site shares.</summary>
public abstract class DemoSiteOptions
{
    /// <summary>A delay before every response (control paths excepted), to make the site behave like a remote one. Zero by default.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The port on 127.0.0.1 to listen on; 0 (the default) for any free port.</summary>
    public int Port { get; set; }

    /// <summary>The clock that <see cref="Latency"/> is measured on; <see langword="null"/> for <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// A rate limit, as a server in front of a site enforces one (nginx <c>limit_req</c>): a token bucket of this many
    /// requests a second holding <see cref="RateLimitBurst"/>; a page request past it is answered 429 with
    /// <c>Retry-After: 1</c>. <see langword="null"/> (the default) for no limit. robots.txt is not limited.
    /// </summary>
    public double? RateLimit { get; set; }

    /// <summary>The burst of <see cref="RateLimit"/>'s bucket. 1 by default.</summary>
    public int RateLimitBurst { get; set; } = 1;

    /// <summary>Checks the options, naming the first bad one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public virtual void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, $"{GetType().Name}.{nameof(Port)} must be 0 (any free port) to 65535.");
        }

        if (RateLimit is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException(nameof(RateLimit), RateLimit, $"{GetType().Name}.{nameof(RateLimit)} must be a positive number of requests a second.");
        }

        if (RateLimitBurst < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RateLimitBurst), RateLimitBurst, $"{GetType().Name}.{nameof(RateLimitBurst)} must be at least 1.");
        }

        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Latency), Latency, $"{GetType().Name}.{nameof(Latency)} must not be negative.");
        }
    }
}
