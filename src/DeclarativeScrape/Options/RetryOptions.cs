namespace DeclarativeScrape;

/// <summary>Retries of failed requests: exponential backoff with jitter, honouring <c>Retry-After</c>.</summary>
public sealed class RetryOptions
{
    /// <summary>The default of <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>The default of <see cref="BaseDelay"/>, in milliseconds.</summary>
    public const double DefaultBaseDelayMilliseconds = 500;

    /// <summary>The default of <see cref="MaxDelay"/>, in milliseconds.</summary>
    public const double DefaultMaxDelayMilliseconds = 30_000;

    /// <summary>The default of <see cref="MaxRateLimitedAttempts"/>.</summary>
    public const int DefaultMaxRateLimitedAttempts = 10;

    /// <summary>The status codes retried by default: 408, 429, 500, 502, 503, 504.</summary>
    public static IReadOnlyList<int> DefaultStatusCodes { get; } = [408, 429, 500, 502, 503, 504];

    /// <summary>Attempts in all, the first included; 1 means no retry.</summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>The first backoff delay; it doubles on each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(DefaultBaseDelayMilliseconds);

    /// <summary>The longest delay, for backoff and for a server's <c>Retry-After</c> alike.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(DefaultMaxDelayMilliseconds);

    /// <summary>HTTP status codes that are retried.</summary>
    public ISet<int> StatusCodes { get; set; } = new HashSet<int>(DefaultStatusCodes);

    /// <summary>
    /// How many 429 answers one URL may get before it fails. A 429 slows the whole host and is waited out without
    /// using one of <see cref="MaxAttempts"/>; this bound keeps a host that always answers 429 from holding a URL forever.
    /// </summary>
    public int MaxRateLimitedAttempts { get; set; } = DefaultMaxRateLimitedAttempts;

    internal void Validate(string prefix)
    {
        if (MaxAttempts < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxAttempts), $"must be at least 1, was {MaxAttempts}.");
        }

        if (BaseDelay <= TimeSpan.Zero)
        {
            throw new ScrapeOptionsException(prefix + nameof(BaseDelay), $"must be positive, was {BaseDelay}.");
        }

        if (MaxDelay < BaseDelay)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxDelay), $"({MaxDelay}) must not be below {prefix}{nameof(BaseDelay)} ({BaseDelay}).");
        }

        ArgumentNullException.ThrowIfNull(StatusCodes, prefix + nameof(StatusCodes));
        foreach (var code in StatusCodes)
        {
            if (code is < 100 or > 599)
            {
                throw new ScrapeOptionsException(prefix + nameof(StatusCodes), $"{code} is not an HTTP status code.");
            }
        }

        if (MaxRateLimitedAttempts < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxRateLimitedAttempts), $"must be at least 1, was {MaxRateLimitedAttempts}.");
        }
    }
}
