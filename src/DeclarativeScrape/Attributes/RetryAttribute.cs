namespace DeclarativeScrape;

/// <summary>
/// Retries of a failed request: exponential backoff with jitter, honouring <c>Retry-After</c> (clamped to
/// <see cref="MaxDelayMs"/>). Network errors, timeouts and 408/429/500/502/503/504 are retried unless
/// <see cref="StatusCodes"/> says otherwise. A 429 slows its host without using up the URL's attempts.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RetryAttribute : Attribute
{
    /// <summary>Attempts in all, the first included. Must be at least 1 (1 = no retry).</summary>
    public int MaxAttempts { get; set; } = RetryOptions.DefaultMaxAttempts;

    /// <summary>The first backoff delay in milliseconds; it doubles on each retry. Must be positive.</summary>
    public int BaseDelayMs { get; set; } = (int)RetryOptions.DefaultBaseDelayMilliseconds;

    /// <summary>The longest delay in milliseconds, for backoff and for <c>Retry-After</c>.</summary>
    public int MaxDelayMs { get; set; } = (int)RetryOptions.DefaultMaxDelayMilliseconds;

    /// <summary>HTTP status codes that are retried, replacing the default set.</summary>
    public int[]? StatusCodes { get; set; }
}
