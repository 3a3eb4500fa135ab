namespace DeclarativeScrape;

/// <summary>Extracts the outer HTML (the element itself included) of the first element matching <see cref="Selector"/>.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class OuterHtmlAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="selector">A CSS selector.</param>
    public OuterHtmlAttribute(string selector) => Selector = selector;

    /// <summary>The CSS selector.</summary>
    public string Selector { get; }
}
