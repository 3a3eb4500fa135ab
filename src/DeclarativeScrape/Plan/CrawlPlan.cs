namespace DeclarativeScrape;

/// <summary>
/// Everything the runtime needs to run a scraper, emitted by the generator as the scraper's <c>Plan</c>:
/// the page types and their extractors, the start page type, the item output format and a fingerprint of
/// the scraper's shape.
/// </summary>
/// <typeparam name="TItem">The scraper's item type: the one <see cref="ItemAttribute"/> page type, or the generated <c>Item</c> union when there are several.</typeparam>
public sealed class CrawlPlan<TItem>
{
    private readonly Dictionary<Type, int> _indexByType;
    private readonly Func<ScrapeOptions> _createOptions;

    /// <summary>Creates a plan.</summary>
    /// <param name="name">The scraper's name (its class name).</param>
    /// <param name="pages">Every page type reachable from the start page, the start page first.</param>
    /// <param name="format">How items are written to files.</param>
    /// <param name="schemaFingerprint">A hash of the page types, their fields and links; state written under another fingerprint is refused.</param>
    /// <param name="createOptions">Creates a fresh <see cref="ScrapeOptions"/> holding the scraper's attribute values.</param>
    public CrawlPlan(string name, IReadOnlyList<PageType<TItem>> pages, ItemFormat<TItem> format, string schemaFingerprint, Func<ScrapeOptions> createOptions)
    {
        ArgumentNullException.ThrowIfNull(createOptions);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentException.ThrowIfNullOrEmpty(schemaFingerprint);
        if (pages.Count == 0)
        {
            throw new ArgumentException("A crawl plan needs at least the start page type.", nameof(pages));
        }

        Name = name;
        Pages = pages;
        Format = format;
        SchemaFingerprint = schemaFingerprint;
        _createOptions = createOptions;
        _indexByType = new Dictionary<Type, int>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            if (!_indexByType.TryAdd(pages[i].Type, i))
            {
                throw new ArgumentException($"Page type '{pages[i].Name}' appears twice in the plan.", nameof(pages));
            }
        }
    }

    private CrawlPlan(CrawlPlan<TItem> plan)
    {
        Name = plan.Name;
        Pages = plan.Pages;
        Format = plan.Format;
        SchemaFingerprint = plan.SchemaFingerprint;
        _createOptions = plan._createOptions;
        _indexByType = plan._indexByType;
    }

    /// <summary>The scraper's name.</summary>
    public string Name { get; }

    /// <summary>The page types; index 0 is the start page type.</summary>
    public IReadOnlyList<PageType<TItem>> Pages { get; }

    /// <summary>The start page type.</summary>
    public PageType<TItem> StartPage => Pages[0];

    /// <summary>How items are written to files.</summary>
    public ItemFormat<TItem> Format { get; }

    /// <summary>A hash of the scraper's shape (page types, fields, links), used to refuse incompatible saved state.</summary>
    public string SchemaFingerprint { get; }

    /// <summary>
    /// Creates a fresh <see cref="ScrapeOptions"/> holding the scraper's attribute values (start URLs, hosts,
    /// concurrency, rate limit, retries, timeouts, robots, user agent, headers, limits), for the caller to adjust.
    /// </summary>
    /// <returns>A new options object; changing it does not affect the plan.</returns>
    public ScrapeOptions CreateOptions() => _createOptions();

    /// <summary>The plan's item hook (<see cref="WithItemHook"/>), or <see langword="null"/>.</summary>
    public ItemHook<TItem>? ItemHook { get; private init; }

    /// <summary>
    /// A copy of this plan whose items pass <paramref name="hook"/> before they are written or read: to filter,
    /// transform or send them elsewhere (see <see cref="ItemHook{TItem}"/>). On a plan that already has a hook, the new
    /// one runs after it, on what it kept. The plan itself is not changed.
    /// </summary>
    /// <param name="hook">The hook.</param>
    /// <returns>The new plan.</returns>
    /// <example>
    /// <code>
    /// var plan = BookstoreScraper.Plan.WithItemHook((book, source, ct) =&gt;
    ///     ValueTask.FromResult(book.Price &gt; 50m ? null : book));
    /// return await ScrapeApp.RunAsync(plan, args);
    /// </code>
    /// </example>
    public CrawlPlan<TItem> WithItemHook(ItemHook<TItem> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        var first = ItemHook;
        return new CrawlPlan<TItem>(this)
        {
            ItemHook = first is null ? hook : async (item, source, ct) =>
                await first(item, source, ct).ConfigureAwait(false) is { } kept ? await hook(kept, source, ct).ConfigureAwait(false) : default,
        };
    }

    /// <summary>Finds the index in <see cref="Pages"/> of a page type.</summary>
    /// <param name="pageType">The page's CLR type.</param>
    /// <param name="index">Its index.</param>
    /// <returns>Whether the type belongs to the plan.</returns>
    public bool TryGetPageIndex(Type pageType, out int index) => _indexByType.TryGetValue(pageType, out index);
}
