namespace DeclarativeScrape.Examples.SharedEngine;

/// <summary>One listing page of a category: the item this scraper emits, with every book offered on it.</summary>
[Page, Item]
public partial record CategoryPage
{
    /// <summary>The category's name.</summary>
    [Text("div.page-header h1")] public required string Category { get; init; }

    /// <summary>The page's number within the category (<c>Page 2 of 3</c>).</summary>
    [Text("ul.pager li.current"), Match(@"Page (\d+) of")] public int Page { get; init; }

    /// <summary>The books listed on the page.</summary>
    [Items("article.product_pod")] public IReadOnlyList<Offer> Offers { get; init; } = [];

    /// <summary>The category's next listing page.</summary>
    [Follow("li.next a")] public Link<CategoryPage>? Next { get; init; }

    /// <summary>The URL the page was fetched from.</summary>
    [PageUrl] public Uri Url { get; init; } = default!;
}
