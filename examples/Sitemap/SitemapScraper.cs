namespace DeclarativeScrape.Examples.Sitemap;

/// <summary>
/// The demo bookstore's books, found by its sitemaps instead of its listings: robots.txt names the sitemap index, whose
/// books' sitemap (gzip) lists every book with the day it last changed. Only the book pages are fetched (the index's
/// other sitemap lists listings, which the rule leaves out); <c>--modified-since</c> keeps the recent ones.
/// </summary>
[Scraper(StartUrl = "http://localhost:5080/", StartPage = typeof(HomePage))]
[AllowedHosts("localhost")]
[Sitemap(typeof(SitemapBook), Include = ["/catalogue/*/index.html"], Exclude = ["/catalogue/category/**"])]
[Concurrency(Max = 16, PerHost = 8)]
[Retry(MaxAttempts = 3, BaseDelayMs = 200)]
public static partial class SitemapScraper;

/// <summary>The start page: it locates the site, whose robots.txt names the sitemaps; nothing is read from it.</summary>
[Page]
public partial class HomePage;

/// <summary>A book, from its sitemap entry: the item the scraper emits.</summary>
[Page, Item]
public partial record SitemapBook
{
    /// <summary>The full title.</summary>
    [Text("div.product_main h1")] public required string Title { get; init; }

    /// <summary>The price: <c>£51.77</c> becomes 51.77.</summary>
    [Text("div.product_main p.price_color")] public decimal Price { get; init; }

    /// <summary>When the book last changed: the sitemap entry's <c>lastmod</c>, carried to the page.</summary>
    [Carried] public DateTimeOffset? LastModified { get; init; }

    /// <summary>The URL the page was fetched from.</summary>
    [PageUrl] public Uri Url { get; init; } = default!;
}
