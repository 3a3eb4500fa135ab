namespace DeclarativeScrape;

/// <summary>
/// Which of a host's queued URLs is fetched next (<see cref="ScrapeOptions.Order"/>). Hosts stay fair whatever the
/// order: each host has its own queue, and the order applies within it. Among URLs of equal rank, the one admitted
/// first goes first.
/// </summary>
public enum CrawlOrder
{
    /// <summary>
    /// Pages of <see cref="ItemAttribute"/> types before the others (listings, indexes), each in the order found: a small
    /// <see cref="LimitOptions.MaxPages"/> yields items, and the frontier stays small. When a page's links do not all fit
    /// under <see cref="LimitOptions.MaxPages"/>, the item pages among them are admitted first. The default.
    /// </summary>
    ItemsFirst,

    /// <summary>The shallowest pages first (fewest links from a start URL), each depth in the order found.</summary>
    BreadthFirst,

    /// <summary>The deepest pages first (most links from a start URL), each depth in the order found.</summary>
    DepthFirst,
}
