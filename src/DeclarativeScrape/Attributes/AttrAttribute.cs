namespace DeclarativeScrape;

/// <summary>
/// Extracts an attribute's value from the first element matching <see cref="Selector"/> (all matching elements
/// for a collection property). For a <see cref="Uri"/> property the value is resolved against the page URL.
/// Conversions and the required/optional rule are those of <see cref="TextAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class AttrAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="selector">A CSS selector.</param>
    /// <param name="name">The attribute name, for example <c>"href"</c>, <c>"src"</c> or <c>"class"</c>.</param>
    public AttrAttribute(string selector, string name)
    {
        Selector = selector;
        Name = name;
    }

    /// <summary>The CSS selector.</summary>
    public string Selector { get; }

    /// <summary>The attribute name.</summary>
    public string Name { get; }
}
