namespace DeclarativeScrape;

/// <summary>
/// Replaces every occurrence of <see cref="OldValue"/> in the extracted text with <see cref="NewValue"/> (ordinal,
/// case-sensitive), before <see cref="SplitAttribute"/>, <see cref="TrimAttribute"/>, <see cref="MatchAttribute"/> and
/// conversion. Repeat it for several replacements; they apply in the order written.
/// </summary>
/// <example><c>[Text("span.by"), Replace("By ", "")] public string? Author { get; init; }</c></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class ReplaceAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="oldValue">The text to replace; not empty.</param>
    /// <param name="newValue">What replaces it; empty to remove it.</param>
    public ReplaceAttribute(string oldValue, string newValue)
    {
        OldValue = oldValue;
        NewValue = newValue;
    }

    /// <summary>The text replaced.</summary>
    public string OldValue { get; }

    /// <summary>The replacement.</summary>
    public string NewValue { get; }
}
