namespace DeclarativeScrape;

/// <summary>
/// Declares links to follow. The property is a <see cref="Link{TPage}"/> (the first match, <c>Link&lt;T&gt;?</c>
/// when it may be absent) or an <c>IReadOnlyList&lt;Link&lt;T&gt;&gt;</c> (every match), where <c>T</c> is the
/// <see cref="PageAttribute"/> type the links lead to. The runtime fetches each link and extracts it as <c>T</c>;
/// the property keeps the resolved URLs. <see cref="Include"/> and <see cref="Exclude"/> choose links by their
/// resolved URL, after the selector has chosen the elements: a link they leave out is neither followed nor kept.
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

    /// <summary>
    /// <see cref="UrlPattern"/> globs on the resolved URL: only links matching one of them are followed (and kept in
    /// the property). <c>["/docs/**"]</c>, <c>["**.html", "**/"]</c>. Unset: every link the selector finds.
    /// </summary>
    public string[]? Include { get; set; }

    /// <summary><see cref="UrlPattern"/> globs on the resolved URL: links matching one of them are not followed. <c>["**.{pdf,zip}"]</c>.</summary>
    public string[]? Exclude { get; set; }

    /// <summary>
    /// Names of properties of this page (extracted, or themselves <see cref="CarriedAttribute"/>) whose values the linked
    /// pages receive into their <see cref="CarriedAttribute"/> properties of the same name: <c>[nameof(Category)]</c>.
    /// Values are carried from a page whose extraction succeeded.
    /// </summary>
    public string[]? Carry { get; set; }
}
