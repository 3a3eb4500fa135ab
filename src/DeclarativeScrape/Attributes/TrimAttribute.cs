namespace DeclarativeScrape;

/// <summary>
/// Trims white space and the given characters from both ends of the extracted text, before <see cref="MatchAttribute"/>
/// and conversion: <c>[Trim("¶")]</c> turns <c>"Installing ¶"</c> into <c>"Installing"</c>. On a property read by
/// <see cref="TextAttribute"/>, <see cref="AttrAttribute"/>, <see cref="HtmlAttribute"/> or <see cref="OuterHtmlAttribute"/>.
/// </summary>
/// <remarks>Text shaping runs in this order: <see cref="ReplaceAttribute"/>s, <see cref="SplitAttribute"/>, <see cref="TrimAttribute"/>, then <see cref="MatchAttribute"/>.</remarks>
/// <example><c>[Text("h1"), Trim("¶#")] public string? Heading { get; init; }</c></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class TrimAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="characters">The characters to trim besides white space, each one on its own (not as a sequence); empty for white space only.</param>
    public TrimAttribute(string characters = "") => Characters = characters;

    /// <summary>The characters trimmed besides white space.</summary>
    public string Characters { get; }
}
