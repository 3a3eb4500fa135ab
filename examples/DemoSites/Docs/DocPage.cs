namespace DeclarativeScrape.DemoSites;

/// <summary>
/// The ground truth of one page of a <see cref="DocsSite"/>: what a scraper should find on it. Headings are the
/// <c>h2</c>/<c>h3</c> elements of the article (<c>main article h2, main article h3</c>), each with an <c>id</c> that
/// the table of contents (<c>nav.toc a</c>) links to.
/// </summary>
public sealed record DocPage
{
    /// <summary>The page's address.</summary>
    public required Uri Url { get; init; }

    /// <summary>Home, section index or article.</summary>
    public required DocPageKind Kind { get; init; }

    /// <summary>The section's key (<c>guides</c>, <c>reference</c>, <c>api</c>); empty for the home page.</summary>
    public required string Section { get; init; }

    /// <summary>The title: the <c>h1</c> text (the <c>title</c> element adds <c>" · DemoDocs"</c>).</summary>
    public required string Title { get; init; }

    /// <summary>The article's headings in page order, as the table of contents lists them.</summary>
    public required IReadOnlyList<DocHeading> Headings { get; init; }

    /// <summary>The previous page in reading order (<c>nav.pager a[rel=prev]</c>); <see langword="null"/> on the first.</summary>
    public required Uri? Previous { get; init; }

    /// <summary>The next page in reading order (<c>nav.pager a[rel=next]</c>); <see langword="null"/> on the last.</summary>
    public required Uri? Next { get; init; }

    /// <summary>Links in the article to other pages of the site that exist (cross-links, some with a <c>#heading</c> fragment).</summary>
    public required IReadOnlyList<Uri> Links { get; init; }

    /// <summary>Links in the article to pages that do not exist: the site answers 404.</summary>
    public required IReadOnlyList<Uri> BrokenLinks { get; init; }

    /// <summary>Links in the article to drafts (<c>/docs/drafts/…</c>), which robots.txt disallows: a polite crawler never requests them.</summary>
    public required IReadOnlyList<Uri> DisallowedLinks { get; init; }

    /// <summary>Links on the page to other hosts, which a crawler scoped to the site must not fetch.</summary>
    public required IReadOnlyList<Uri> ExternalLinks { get; init; }

    /// <summary>The article's code blocks (<c>pre code</c>, language in the <c>language-*</c> class).</summary>
    public required IReadOnlyList<DocCodeBlock> CodeBlocks { get; init; }
}
