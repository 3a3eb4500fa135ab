namespace DeclarativeScrape;

/// <summary>
/// Extracts the text content of the first element matching <see cref="Selector"/> (all matching elements for a
/// collection property), with whitespace runs collapsed to one space and both ends trimmed, then converts it to
/// the property type.
/// </summary>
/// <remarks>
/// Supported property types: <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, <see cref="Uri"/>,
/// enums (by name), their nullable forms, and <c>IReadOnlyList&lt;T&gt;</c> of any of them. Numbers are read with
/// the invariant culture after currency symbols and thousands separators are stripped. A non-nullable property is
/// required: when nothing matches or the value does not convert, the page is recorded as an extraction failure
/// naming the URL, the property and the selector.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class TextAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="selector">A CSS selector, relative to the page, or to the matched element inside an item.</param>
    public TextAttribute(string selector) => Selector = selector;

    /// <summary>The CSS selector.</summary>
    public string Selector { get; }
}
