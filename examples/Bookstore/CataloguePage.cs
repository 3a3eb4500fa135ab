namespace DeclarativeScrape.Examples.Bookstore;

/// <summary>
/// A catalogue listing page: links to follow, typed by the page they lead to. Following the numbered pager as well as
/// "next" lets the crawl discover many listing pages at once, so it can keep its request slots full.
/// </summary>
[Page]
public partial class CataloguePage
{
    /// <summary>The next listing page.</summary>
    [Follow("li.next a")] public Link<CataloguePage>? Next { get; init; }

    /// <summary>The following listing pages of the numbered pager.</summary>
    [Follow("ul.pager li.page a")] public IReadOnlyList<Link<CataloguePage>> Pages { get; init; } = [];

    /// <summary>The books listed on this page.</summary>
    [Follow("article.product_pod h3 a")] public IReadOnlyList<Link<BookPage>> Books { get; init; } = [];
}
