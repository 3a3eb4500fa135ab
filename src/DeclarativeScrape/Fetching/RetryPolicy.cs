namespace DeclarativeScrape;

/// <summary>
/// Decides whether an attempt is retried and after what delay. Network errors, timeouts and
/// <see cref="RetryOptions.StatusCodes"/> are retried up to <see cref="RetryOptions.MaxAttempts"/>; a 429 is retried
/// without using one of those, up to <see cref="RetryOptions.MaxRateLimitedAttempts"/> answers, after the host's
/// pause (so its own delay is zero). A <c>Retry-After</c> is honoured and clamped to <see cref="RetryOptions.MaxDelay"/>.
/// </summary>
internal static class RetryPolicy
{
    /// <param name="result">The attempt's result; <see cref="FetchResult.Retry"/> and <see cref="FetchResult.RetryDelay"/> are set.</param>
    /// <param name="attempts">Attempts so far that count against <see cref="RetryOptions.MaxAttempts"/> (429 answers excluded).</param>
    /// <param name="rateLimited">429 answers so far, this one included.</param>
    /// <param name="settings">The run's settings.</param>
    public static void Decide(FetchResult result, int attempts, int rateLimited, RunSettings settings)
    {
        result.Retry = false;
        result.RetryDelay = null;
        if (result.Status != FetchStatus.Failed)
        {
            return;
        }

        if (result.IsRateLimited && settings.RetryStatusCodes.Contains(429))
        {
            if (rateLimited < settings.MaxRateLimitedAttempts)
            {
                result.Retry = true;
                result.RetryDelay = TimeSpan.Zero;
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

    /// <summary>A server's <c>Retry-After</c>, never longer than <paramref name="maxDelay"/>.</summary>
    public static TimeSpan Clamp(TimeSpan retryAfter, TimeSpan maxDelay) =>
        retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter > maxDelay ? maxDelay : retryAfter;
}
