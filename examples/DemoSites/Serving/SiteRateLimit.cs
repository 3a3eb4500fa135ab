namespace DeclarativeScrape.DemoSites;

/// <summary>A demo site's rate limit (<see cref="DemoSiteOptions.RateLimit"/>): a token bucket on the site's clock.</summary>
/// <param name="requestsPerSecond">Tokens added a second.</param>
/// <param name="burst">Tokens the bucket holds; it starts full.</param>
/// <param name="time">The site's clock.</param>
internal sealed class SiteRateLimit(double requestsPerSecond, int burst, TimeProvider time)
{
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private long _at = time.GetTimestamp();

    /// <summary>Takes a token if the bucket holds one.</summary>
    /// <returns>Whether the request is within the limit.</returns>
    public bool TryTake()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_at, now).TotalSeconds * requestsPerSecond));
            _at = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
