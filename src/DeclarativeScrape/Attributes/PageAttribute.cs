namespace DeclarativeScrape;

/// <summary>
/// Marks a <c>partial</c> class or record as a page type: something fetched by URL and extracted from a whole
/// document. Its <see cref="FollowAttribute"/> properties say which links lead to which other page types.
/// Combine with <see cref="ItemAttribute"/> to emit every extracted page as an item.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PageAttribute : Attribute;
