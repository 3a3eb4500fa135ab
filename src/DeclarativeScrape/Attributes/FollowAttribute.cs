namespace DeclarativeScrape;

/// <summary>
/// Declares links to follow. The property is a <see cref="Link{TPage}"/> (the first match, <c>Link&lt;T&gt;?</c>
/// when it may be absent) or an <c>IReadOnlyList&lt;Link&lt;T&gt;&gt;</c> (every match), where <c>T</c> is the
/// <see cref="PageAttribute"/> type the links lead to. The runtime fetches each link and extracts it as <c>T</c>;
/// the property keeps the resolved URLs.
/// </summary>
/// <example><c>[Follow("li.next a")] public Link&lt;CataloguePage&gt;? Next { get; init; }</c></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class FollowAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="selector">A CSS selector matching the link elements.</param>
    public FollowAttribute(string selector) => Selector = selector;

    /// <summary>The CSS selector.</summary>
    public string Selector { get; }

    /// <summary>The attribute holding the URL; <c>"href"</c> unless set.</summary>
    public string Attribute { get; set; } = "href";
}
