namespace DeclarativeScrape.DemoSites;

/// <summary>The ground truth of one category of a <see cref="BookstoreSite"/>.</summary>
/// <param name="Name">The name, as in the breadcrumb of its books.</param>
/// <param name="Url">Its first listing page, <c>/catalogue/category/books/&lt;slug&gt;_&lt;n&gt;/index.html</c> (more pages are <c>page-2.html</c>, …).</param>
/// <param name="BookIds">Its books' <see cref="Book.Id"/>s, ascending (the listing order).</param>
public sealed record BookCategory(string Name, Uri Url, IReadOnlyList<int> BookIds)
{
    /// <summary>The number of its listing pages: 20 books a page, and one page when it has no book.</summary>
    public int ListingPageCount => BookCatalog.PageCount(BookIds.Count);
}
