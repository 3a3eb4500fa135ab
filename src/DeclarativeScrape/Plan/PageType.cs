namespace DeclarativeScrape;

/// <summary>One page type of a <see cref="CrawlPlan{TItem}"/>: its CLR type, its name and its extractor.</summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
public sealed class PageType<TItem>
{
    /// <summary>Creates a page type.</summary>
    /// <param name="type">The <see cref="PageAttribute"/> type.</param>
    /// <param name="name">Its display name, used in outcomes, logs and metrics.</param>
    /// <param name="extract">The generated extractor.</param>
    /// <param name="isItem">Whether pages of this type are emitted as items.</param>
    public PageType(Type type, string name, PageExtractor<TItem> extract, bool isItem)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(extract);
        Type = type;
        Name = name;
        Extract = extract;
        IsItem = isItem;
    }

    /// <summary>The <see cref="PageAttribute"/> type.</summary>
    public Type Type { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The generated extractor.</summary>
    public PageExtractor<TItem> Extract { get; }

    /// <summary>Whether pages of this type are emitted as items.</summary>
    public bool IsItem { get; }

    /// <summary>
    /// The HTML attributes the extractor reads (by name, any case): those its selectors test and those its
    /// <see cref="AttrAttribute"/> and <see cref="FollowAttribute"/> properties read, nested items included. The crawl's
    /// parser then builds only these (and the few that shape the document tree, such as an <c>input</c>'s <c>type</c>),
    /// which saves parsing time and memory. <see langword="null"/> (the default) keeps every attribute, as an extractor
    /// with <see cref="HtmlAttribute"/> or <see cref="OuterHtmlAttribute"/> needs. The generator fills it.
    /// </summary>
    public IReadOnlyList<string>? ReadAttributes { get; init; }

    /// <summary>
    /// The CSS selectors the extractor matches, nested items included, or <see langword="null"/> (the default) when
    /// they are not known. With them the crawl builds only the part of a page those selectors can match or read (see
    /// docs/performance.md, "Building only what extraction needs"); without them it builds the whole page. The
    /// generator fills it.
    /// </summary>
    public IReadOnlyList<string>? Selectors { get; init; }

    /// <summary>
    /// Request headers sent when a page of this type is fetched, after (and over) the scraper's
    /// <see cref="ScrapeOptions.Headers"/>: the page type's <see cref="HeaderAttribute"/>s. Empty unless set.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// The rules a sitemap entry passes to be a page of this type (its <see cref="SitemapAttribute"/>);
    /// <see langword="null"/> when no sitemap entry is one.
    /// </summary>
    public UrlRules? SitemapRules { get; init; }

    /// <summary>
    /// The place of this page type's <see cref="SitemapAttribute"/> among the scraper's (the order written): an entry goes
    /// to the first page type whose <see cref="SitemapRules"/> it passes.
    /// </summary>
    public int SitemapOrder { get; init; }

    /// <summary>
    /// How pages of this type are rendered in a browser (<see cref="RenderAttribute"/>), or <see langword="null"/> (the
    /// default) for plain HTTP. The generator fills it; a run of a plan with such page types needs
    /// <see cref="ScrapeOptions.Renderer"/>.
    /// </summary>
    public RenderSpec? Render { get; init; }
}
