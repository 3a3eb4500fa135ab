namespace DeclarativeScrape;

/// <summary>
/// The rank of a URL entering the frontier under a <see cref="CrawlOrder"/>: each host's queue is taken lowest rank
/// first, then in admission order (every store: in memory, SQLite and PostgreSQL). The rank is fixed at admission and
/// kept with the URL.
/// </summary>
internal sealed class FrontierOrder
{
    private readonly CrawlOrder _order;
    private readonly bool[] _isItem;

    private FrontierOrder(CrawlOrder order, bool[] isItem)
    {
        _order = order;
        _isItem = isItem;
    }

    /// <summary>The order of a run of <paramref name="plan"/>.</summary>
    public static FrontierOrder For<TItem>(CrawlOrder order, CrawlPlan<TItem> plan) =>
        new(order, [.. plan.Pages.Select(p => p.IsItem)]);

    /// <summary>The rank of a URL of the page type at <paramref name="pageType"/> found at <paramref name="depth"/>.</summary>
    public int RankOf(int pageType, int depth) => _order switch
    {
        CrawlOrder.BreadthFirst => depth,
        CrawlOrder.DepthFirst => -depth,
        _ => (uint)pageType < (uint)_isItem.Length && _isItem[pageType] ? 0 : 1,
    };
}
