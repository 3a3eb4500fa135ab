namespace DeclarativeScrape;

/// <summary>How many requests the scraper may have in flight: in all, and against one host.</summary>
/// <remarks>
/// <see cref="PerHost"/> is a ceiling: the runtime lowers a host's limit when it answers 429/503 or slows down,
/// and raises it back towards the ceiling when it recovers (AIMD).
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ConcurrencyAttribute : Attribute
{
    /// <summary>Requests in flight in the whole run. Must be positive.</summary>
    public int Max { get; set; } = ConcurrencyOptions.DefaultMax;

    /// <summary>Requests in flight against one host. Must be positive and not above <see cref="Max"/>.</summary>
    public int PerHost { get; set; } = ConcurrencyOptions.DefaultPerHost;
}
