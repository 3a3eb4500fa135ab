namespace DeclarativeScrape.DemoSites;

/// <summary>One category: its listing pages live in <see cref="Directory"/> (<c>index.html</c>, <c>page-2.html</c>, …).</summary>
internal sealed record CatalogCategory(string Name, string Directory, IReadOnlyList<int> BookIds)
{
    public int Pages => BookCatalog.PageCount(BookIds.Count);

    public string PagePath(int page) => Directory + (page == 1 ? "index.html" : $"page-{page}.html");
}
