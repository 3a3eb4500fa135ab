namespace DeclarativeScrape;

/// <summary>
/// Bounds of the crawl. URLs beyond them are skipped with <see cref="SkipReason.MaxPages"/> or
/// <see cref="SkipReason.MaxDepth"/>. Zero means unlimited.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LimitsAttribute : Attribute
{
    /// <summary>The most pages fetched in one run; 0 for no limit.</summary>
    public int MaxPages { get; set; }

    /// <summary>The most links followed from a start URL (start URLs are depth 0); 0 for no limit.</summary>
    public int MaxDepth { get; set; }
}
