namespace DeclarativeScrape.CrawlBenchmark;

/// <summary>
/// The benchmark shop's crawl, written as a user writes a scraper. The start URL is the site's default; the benchmark
/// harness passes the real one (a fresh port per run) with <c>--start</c>. robots.txt is not read, as by the peers
/// (Scrapy's <c>ROBOTSTXT_OBEY = False</c>): the site has none.
/// </summary>
[Scraper(StartUrl = "http://127.0.0.1:5080/catalogue/page-1.html", StartPage = typeof(CataloguePage))]
[Concurrency(Max = 64, PerHost = 64)]
[Robots(Obey = false)]
public static partial class ShopScraper;

/// <summary>A listing page: the next page, the numbered pager's pages and the products.</summary>
[Page]
public partial class CataloguePage
{
    /// <summary>The next listing page.</summary>
    [Follow("li.next a")]
    public Link<CataloguePage>? Next { get; init; }

    /// <summary>The listing pages the numbered pager shows.</summary>
    [Follow("li.page a")]
    public IReadOnlyList<Link<CataloguePage>> Pager { get; init; } = [];

    /// <summary>The products listed.</summary>
    [Follow("article.product_pod h3 a")]
    public IReadOnlyList<Link<ProductPage>> Products { get; init; } = [];
}

/// <summary>A product page: one item with the harness's seven fields.</summary>
[Page, Item]
public partial record ProductPage
{
    /// <summary>The page's URL.</summary>
    [PageUrl]
    public Uri Url { get; init; } = default!;

    /// <summary>The full title.</summary>
    [Text("div.product_main h1")]
    public required string Title { get; init; }

    /// <summary>The price in pounds (<c>£51.77</c> is 51.77).</summary>
    [Text("p.price_color")]
    public decimal Price { get; init; }

    /// <summary><c>In stock (12 available)</c> or <c>Out of stock</c>.</summary>
    [Text("p.availability")]
    public required string Availability { get; init; }

    /// <summary>The rating word, from the second class of <c>p.star-rating</c>.</summary>
    [Attr("p.star-rating", "class"), Match(@"star-rating (\w+)")]
    public required string Rating { get; init; }

    /// <summary>The UPC: the cell beside the <c>UPC</c> heading.</summary>
    [Text("tr:has(> th:contains('UPC')) > td")]
    public required string Upc { get; init; }

    /// <summary>The category, from the breadcrumb.</summary>
    [Text("ul.breadcrumb li:nth-child(3) a")]
    public required string Category { get; init; }
}
