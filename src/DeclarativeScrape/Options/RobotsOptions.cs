namespace DeclarativeScrape;

/// <summary>How robots.txt is treated.</summary>
public sealed class RobotsOptions
{
    /// <summary>The default of <see cref="UnreachableTimeout"/>, in seconds.</summary>
    public const double DefaultUnreachableTimeoutSeconds = 120;

    /// <summary>Whether robots.txt rules and <c>Crawl-delay</c> are obeyed. On by default.</summary>
    public bool Obey { get; set; } = true;

    /// <summary>
    /// How long a host is paused while its robots.txt cannot be fetched for network reasons (connection refused or
    /// reset, a timeout, a 5xx or 429 answer): robots.txt is retried with backoff (from <see cref="RetryOptions.BaseDelay"/>,
    /// each wait at most <see cref="RetryOptions.MaxDelay"/>) for this long, and only then do the host's URLs fail, with
    /// the network failure's reason (RFC 9309 §2.3.1.4 forbids crawling a host whose robots.txt is unreachable).
    /// Two minutes by default; <see cref="TimeSpan.Zero"/> gives up after the first attempt.
    /// </summary>
    public TimeSpan UnreachableTimeout { get; set; } = TimeSpan.FromSeconds(DefaultUnreachableTimeoutSeconds);

    internal void Validate(string prefix)
    {
        if (UnreachableTimeout < TimeSpan.Zero)
        {
            throw new ScrapeOptionsException(prefix + nameof(UnreachableTimeout), $"must not be negative, was {UnreachableTimeout}.");
        }
    }
}
