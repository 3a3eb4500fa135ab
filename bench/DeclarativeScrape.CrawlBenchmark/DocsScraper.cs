namespace DeclarativeScrape.CrawlBenchmark;

/// <summary>
/// The shared harness's docs job (<c>--scenario docs</c>: every page of a folder of static HTML, its title, first
/// <c>h1</c> and number of headings), written with today's attributes as a user writes it. The start URL is a
/// placeholder: the harness passes the real one with <c>--start</c>. The harness follows only links to pages
/// (<c>.html</c> or a folder), so the links are selected by <c>href</c>; scope is the start URL's host.
/// </summary>
[Scraper(StartUrl = "http://127.0.0.1:5080/index.html", StartPage = typeof(DocsPage))]
[Concurrency(Max = 16, PerHost = 16)]
[Robots(Obey = false)]
public static partial class DocsScraper;

/// <summary>One documentation page.</summary>
[Page, Item]
public partial record DocsPage
{
    /// <summary>The page's URL.</summary>
    [PageUrl]
    public Uri Url { get; init; } = default!;

    /// <summary>The document's title.</summary>
    [Text("title")]
    public string? Title { get; init; }

    /// <summary>The first <c>h1</c>, if any (a trailing pilcrow is removed when the item is written).</summary>
    [Text("h1")]
    public string? H1 { get; init; }

    /// <summary>
    /// Every heading: the attributes have no count yet (see the DSL issue), so the headings are nested items and the
    /// program writes how many there are.
    /// </summary>
    [Items("h1, h2, h3, h4, h5, h6")]
    public IReadOnlyList<DocsHeading> Headings { get; init; } = [];

    /// <summary>Links to other pages.</summary>
    [Follow("a[href*='.html'], a[href$='/']")]
    public IReadOnlyList<Link<DocsPage>> Links { get; init; } = [];
}

/// <summary>A heading, counted by <see cref="DocsPage.Headings"/>.</summary>
[Item]
public partial record DocsHeading
{
    /// <summary>Its anchor, if any.</summary>
    [Attr(":scope", "id")]
    public string? Id { get; init; }
}
