namespace DeclarativeScrape;

/// <summary>
/// Decides whether an attempt is retried and after what delay. Network errors, timeouts and
/// <see cref="RetryOptions.StatusCodes"/> are retried up to <see cref="RetryOptions.MaxAttempts"/>; a rate-limited answer
/// (a 429, or a 503 the host gate read as a rate limit) is retried without using one of those, up to
/// <see cref="RetryOptions.MaxRateLimitedAttempts"/> answers, after its <c>Retry-After</c> (or a doubling base delay).
/// A <c>Retry-After</c> is honoured and clamped to <see cref="RetryOptions.MaxDelay"/>.
/// </summary>
internal static class RetryPolicy
{
    /// <param name="result">The attempt's result; <see cref="FetchResult.Retry"/> and <see cref="FetchResult.RetryDelay"/> are set.</param>
    /// <param name="attempts">Attempts so far that count against <see cref="RetryOptions.MaxAttempts"/> (rate-limited answers excluded).</param>
    /// <param name="rateLimited">Rate-limited answers so far, this one included.</param>
    /// <param name="settings">The run's settings.</param>
    public static void Decide(FetchResult result, int attempts, int rateLimited, RunSettings settings)
    {
        result.Retry = false;
        result.RetryDelay = null;
        if (result.Status != FetchStatus.Failed)
        {
            return;
        }

        if (result.RateLimited && result.StatusCode is { } status && settings.RetryStatusCodes.Contains(status))
        {
            if (rateLimited < settings.MaxRateLimitedAttempts)
            {
                result.Retry = true;
                result.RetryDelay = RateLimitedDelay(result, rateLimited, settings);
            }

            return;
        }

        var retryable = result.Failure switch
        {
            FailureReason.Network or FailureReason.Timeout or FailureReason.IdleTimeout => true,
            FailureReason.HttpStatus => result.StatusCode is { } code && settings.RetryStatusCodes.Contains(code),
            _ => false,
        };
        if (retryable && attempts < settings.MaxAttempts)
        {
            result.Retry = true;
            result.RetryDelay = result.RetryAfter is { } after ? Clamp(after, settings.MaxDelay) : null;
        }
    }

    /// <summary>
    /// The wait before retrying a rate-limited URL: its <c>Retry-After</c>, clamped; without one, <see cref="RetryOptions.BaseDelay"/>
    /// doubling with each rate-limited answer of the URL, clamped too.
    /// </summary>
    /// <param name="result">The answer.</param>
    /// <param name="rateLimited">Rate-limited answers of the URL, this one included.</param>
    /// <param name="settings">The run's settings.</param>
    public static TimeSpan RateLimitedDelay(FetchResult result, int rateLimited, RunSettings settings) =>
        Clamp(result.RetryAfter ?? settings.BaseDelay * Math.Pow(2, Math.Clamp(rateLimited - 1, 0, 16)), settings.MaxDelay);

    /// <summary>A server's <c>Retry-After</c>, never longer than <paramref name="maxDelay"/>.</summary>
    public static TimeSpan Clamp(TimeSpan retryAfter, TimeSpan maxDelay) =>
        retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter > maxDelay ? maxDelay : retryAfter;
}
