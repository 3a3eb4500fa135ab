namespace DeclarativeScrape;

/// <summary>
/// Applies a regular expression to the extracted text before conversion and keeps a capture: the group named
/// <c>value</c> if there is one, else the first capturing group, else the whole match. No match is the same as
/// a missing value. The pattern is checked at compile time and compiled once.
/// </summary>
/// <example><c>[Attr("p.star-rating", "class"), Match(@"star-rating (\w+)")] public Rating Rating { get; init; }</c></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class MatchAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="pattern">A .NET regular expression.</param>
    public MatchAttribute(string pattern) => Pattern = pattern;

    /// <summary>The regular expression.</summary>
    public string Pattern { get; }
}
