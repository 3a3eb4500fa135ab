using System.Text.Json.Serialization;

namespace DeclarativeScrape.Examples.Docs;

/// <summary>
/// One page of the documentation, and the item the scraper emits for it. <c>[FollowLinks]</c> follows every link of
/// every page (breadcrumbs written <c>.</c> and <c>..</c> included), except printable versions (<c>?print=1</c>, the
/// same page again) and PDF downloads; the scraper's <c>[Scope]</c> keeps the crawl inside <c>/docs/</c>.
/// </summary>
[Page, Item]
[FollowLinks(Exclude = ["**?*", "**.pdf"])]
public partial record DocPage
{
    /// <summary>The document title (<c>&lt;title&gt;</c>).</summary>
    [Text("head title")] public required string Title { get; init; }

    /// <summary>The page's heading.</summary>
    [Text("main article h1")] public required string H1 { get; init; }

    /// <summary>The section the page belongs to (the second breadcrumb); none on the home page.</summary>
    [Text("nav.breadcrumbs li:nth-child(2)")] public string? Section { get; init; }

    /// <summary>The texts of the article's <c>h2</c> and <c>h3</c> headings, without their trailing <c>#</c> anchor.</summary>
    [Text("main article :is(h2, h3)"), Trim("#")] public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>The headings' ids, in the same order as <see cref="Headings"/>.</summary>
    [Attr("main article :is(h2, h3)", "id")] public IReadOnlyList<string> HeadingIds { get; init; } = [];

    /// <summary>How many <c>h2</c> and <c>h3</c> headings the article has.</summary>
    [Count("main article :is(h2, h3)")] public int HeadingCount { get; init; }

    /// <summary>The table of contents.</summary>
    [Items("nav.toc li")] public IReadOnlyList<TocEntry> Toc { get; init; } = [];

    /// <summary>The URL the page was fetched from.</summary>
    [PageUrl] public Uri Url { get; init; } = default!;

    /// <summary>The next page in reading order: a link, written because it asks to be (links are not written otherwise).</summary>
    [Follow("nav.pager a[rel=next]"), JsonInclude] public Link<DocPage>? Next { get; init; }
}
