namespace DeclarativeScrape.Examples.Wishlist;

/// <summary>
/// The demo user's wishlist, a page only a signed-in visitor sees: <c>Program.cs</c> configures the login step (the
/// form at <c>/accounts/login/</c>, its anti-forgery token kept), whose session cookie every request then sends.
/// </summary>
[Scraper(StartUrl = "http://localhost:5080/accounts/wishlist/", StartPage = typeof(WishlistPage))]
[AllowedHosts("localhost")]
[Concurrency(Max = 8, PerHost = 4)]
[Retry(MaxAttempts = 3, BaseDelayMs = 200)]
public static partial class WishlistScraper;

/// <summary>The wishlist: links to the books saved on it.</summary>
[Page]
public partial class WishlistPage
{
    /// <summary>The books saved for later.</summary>
    [Follow("article.product_pod h3 a")] public IReadOnlyList<Link<WishedBook>> Books { get; init; } = [];
}

/// <summary>A book of the wishlist, and the item the scraper emits.</summary>
[Page, Item]
public partial record WishedBook
{
    /// <summary>The full title.</summary>
    [Text("div.product_main h1")] public required string Title { get; init; }

    /// <summary>The price: <c>£51.77</c> becomes 51.77.</summary>
    [Text("div.product_main p.price_color")] public decimal Price { get; init; }

    /// <summary>The URL the page was fetched from.</summary>
    [PageUrl] public Uri Url { get; init; } = default!;
}
