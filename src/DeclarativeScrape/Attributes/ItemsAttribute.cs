namespace DeclarativeScrape;

/// <summary>
/// Extracts nested items: each element matching <see cref="Selector"/> becomes one instance of the property's
/// <see cref="ItemAttribute"/> type, whose own selectors are evaluated relative to that element. The property is
/// an <c>IReadOnlyList&lt;T&gt;</c> (every match) or a single <c>T</c> / <c>T?</c> (the first match).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ItemsAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="selector">A CSS selector matching one element per nested item.</param>
    public ItemsAttribute(string selector) => Selector = selector;

    /// <summary>The CSS selector.</summary>
    public string Selector { get; }
}
