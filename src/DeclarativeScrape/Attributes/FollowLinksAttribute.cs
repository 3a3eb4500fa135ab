namespace DeclarativeScrape;

/// <summary>
/// Follows every link of the page (every <c>a[href]</c> unless <see cref="Selector"/> says otherwise) to a page of
/// type <see cref="To"/> (the page type itself unless set), without a property: the form for crawls that visit
/// every page of a site, such as a documentation site. The links are resolved against the page, then chosen by
/// <see cref="Include"/> and <see cref="Exclude"/>; the scraper's scope (<see cref="AllowedHostsAttribute"/>,
/// <see cref="ScopeAttribute"/>) then decides which are crawled, as for any link. Repeat it to send links to
/// different page types by their URL.
/// </summary>
/// <example>
/// <code>
/// [Page, Item]
/// [FollowLinks(Exclude = ["**.{pdf,zip,png}"])]
/// public partial record DocPage { [Text("h1")] public string? Title { get; init; } }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class FollowLinksAttribute : Attribute
{
    /// <summary>The CSS selector of the link elements; <c>"a[href]"</c> unless set.</summary>
    public string Selector { get; set; } = "a[href]";

    /// <summary>The attribute holding the URL; <c>"href"</c> unless set.</summary>
    public string Attribute { get; set; } = "href";

    /// <summary>The <see cref="PageAttribute"/> type the links lead to; the page type itself unless set.</summary>
    public Type? To { get; set; }

    /// <summary><see cref="UrlPattern"/> globs on the resolved URL: only links matching one of them are followed.</summary>
    public string[]? Include { get; set; }

    /// <summary><see cref="UrlPattern"/> globs on the resolved URL: links matching one of them are not followed.</summary>
    public string[]? Exclude { get; set; }

    /// <summary>Names of properties of this page whose values the linked pages receive (see <see cref="FollowAttribute.Carry"/>).</summary>
    public string[]? Carry { get; set; }
}
