namespace DeclarativeScrape;

/// <summary>Extracts the inner HTML of the first element matching <see cref="Selector"/>, as a <see cref="string"/>.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class HtmlAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="selector">A CSS selector.</param>
    public HtmlAttribute(string selector) => Selector = selector;

    /// <summary>The CSS selector.</summary>
    public string Selector { get; }
}
