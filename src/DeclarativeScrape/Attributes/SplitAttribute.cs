namespace DeclarativeScrape;

/// <summary>
/// Splits the extracted text on <see cref="Separator"/> and keeps part <see cref="Index"/> (and the
/// <see cref="Count"/> − 1 parts after it, joined by the separator). Parts are trimmed and empty parts are dropped,
/// so <c>" "</c> splits into words. A negative index counts from the end: −1 is the last part. A text without that
/// part is a missing value. Runs after <see cref="ReplaceAttribute"/> and before <see cref="TrimAttribute"/>.
/// </summary>
/// <example>
/// <code>
/// [Text("title"), Split("|", 0)] public string? Title { get; init; }                    // "SELECT | PostgreSQL" → "SELECT"
/// [Text("nav.crumbs"), Split("›", -1)] public string? Section { get; init; }          // "Home › Books › Poetry" → "Poetry"
/// [Text("p.summary"), Split(" ", 0, Count = 20)] public string? Lead { get; init; }   // the first 20 words
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SplitAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="separator">The separator, compared ordinally; not empty.</param>
    /// <param name="index">The part kept: 0 the first, −1 the last.</param>
    public SplitAttribute(string separator, int index)
    {
        Separator = separator;
        Index = index;
    }

    /// <summary>The separator.</summary>
    public string Separator { get; }

    /// <summary>The part kept: 0 the first, −1 the last.</summary>
    public int Index { get; }

    /// <summary>How many parts are kept from <see cref="Index"/> on, joined by the separator; 1 unless set.</summary>
    public int Count { get; set; } = 1;
}
