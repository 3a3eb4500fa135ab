namespace DeclarativeScrape;

/// <summary>
/// Counts the elements matching <see cref="Selector"/>: an <see cref="int"/> (or <see cref="long"/>) property, 0 when
/// nothing matches. Never a failure. The count is of elements in the parsed document, so markup inside
/// <c>&lt;script&gt;</c> text or comments is never counted.
/// </summary>
/// <example><c>[Count("h1, h2, h3, h4, h5, h6")] public int Headings { get; init; }</c></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class CountAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="selector">A CSS selector, relative to the page, or to the matched element inside an item.</param>
    public CountAttribute(string selector) => Selector = selector;

    /// <summary>The CSS selector.</summary>
    public string Selector { get; }
}
