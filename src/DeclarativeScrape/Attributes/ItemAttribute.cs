namespace DeclarativeScrape;

/// <summary>
/// Marks a <c>partial</c> class or record as an item. On a <see cref="PageAttribute"/> type it means "emit each
/// extracted page as an output item"; alone, it marks a type extracted from an element, for
/// <see cref="ItemsAttribute"/> properties.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ItemAttribute : Attribute;
