namespace DeclarativeScrape;

/// <summary>A token bucket per host: at most <see cref="RequestsPerSecond"/> on average, <see cref="Burst"/> at once.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RateLimitAttribute : Attribute
{
    /// <summary>Average requests per second per host. Must be positive.</summary>
    public double RequestsPerSecond { get; set; }

    /// <summary>Requests that may start at once after an idle period. Must be positive.</summary>
    public int Burst { get; set; } = RateLimitOptions.DefaultBurst;
}
