namespace DeclarativeScrape.Examples.Bookstore;

/// <summary>
/// A page of one category's listing: its name, carried into each book it lists (<see cref="BookPage.Category"/>), and
/// links typed by the page they lead to. Following the numbered pager as well as "next" lets the crawl discover many
/// listing pages at once, so it can keep its request slots full.
/// </summary>
[Page]
public partial class CategoryPage
{
    /// <summary>The category's name, the heading of each of its listing pages.</summary>
    [Text("div.page-header h1")] public required string Category { get; init; }

    /// <summary>Every category of the sidebar (this one is a duplicate, crawled once).</summary>
    [Follow("div.side_categories ul ul a")] public IReadOnlyList<Link<CategoryPage>> Categories { get; init; } = [];

    /// <summary>The category's next listing page.</summary>
    [Follow("li.next a")] public Link<CategoryPage>? Next { get; init; }

    /// <summary>The category's following listing pages of the numbered pager.</summary>
    [Follow("ul.pager li.page a")] public IReadOnlyList<Link<CategoryPage>> Pages { get; init; } = [];

    /// <summary>The books listed on this page, each told which category listed it.</summary>
    [Follow("article.product_pod h3 a", Carry = [nameof(Category)])] public IReadOnlyList<Link<BookPage>> Books { get; init; } = [];
}
