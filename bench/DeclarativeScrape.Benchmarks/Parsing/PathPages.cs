namespace DeclarativeScrape.Benchmarks.Parsing;

/// <summary>A docs page as the docs benchmark scraper reads it (bench/DeclarativeScrape.CrawlBenchmark/DocsScraper.cs).</summary>
[Page]
public partial record PathDocsPage
{
    /// <summary>The page URL.</summary>
    [PageUrl] public Uri Url { get; init; } = default!;

    /// <summary>The title.</summary>
    [Text("title")] public string? Title { get; init; }

    /// <summary>The first heading.</summary>
    [Text("h1")] public string? H1 { get; init; }

    /// <summary>The headings' texts.</summary>
    [Text("h1, h2, h3, h4, h5, h6")] public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>The links to pages.</summary>
    [Attr("a[href*='.html'], a[href$='/']", "href")] public IReadOnlyList<string> Links { get; init; } = [];
}

/// <summary>The bookstore example's book page.</summary>
[Page]
public partial record PathBookPage
{
    /// <summary>The title.</summary>
    [Text("div.product_main h1")] public required string Title { get; init; }

    /// <summary>The price.</summary>
    [Text("div.product_main p.price_color")] public string? Price { get; init; }

    /// <summary>The availability.</summary>
    [Text("div.product_main p.availability")] public required string Availability { get; init; }

    /// <summary>The UPC.</summary>
    [Text("table.table-striped td")] public required string Upc { get; init; }

    /// <summary>The cover.</summary>
    [Attr("div.item img", "src")] public Uri? Cover { get; init; }

    /// <summary>The rating's class.</summary>
    [Attr("div.product_main p.star-rating", "class")] public string? Rating { get; init; }

    /// <summary>The category.</summary>
    [Text("ul.breadcrumb li:nth-child(3) a")] public string? Category { get; init; }

    /// <summary>The reviews' authors.</summary>
    [Text("#reviews article .author")] public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>The page URL.</summary>
    [PageUrl] public Uri Url { get; init; } = default!;
}

/// <summary>The benchmark shop's product page as the crawl benchmark's scraper reads it (bench/DeclarativeScrape.CrawlBenchmark/ShopScraper.cs).</summary>
[Page]
public partial record PathShopPage
{
    /// <summary>The page URL.</summary>
    [PageUrl] public Uri Url { get; init; } = default!;

    /// <summary>The title.</summary>
    [Text("div.product_main h1")] public required string Title { get; init; }

    /// <summary>The price.</summary>
    [Text("p.price_color")] public decimal Price { get; init; }

    /// <summary>The availability.</summary>
    [Text("p.availability")] public required string Availability { get; init; }

    /// <summary>The rating word.</summary>
    [Attr("p.star-rating", "class"), Match(@"star-rating (\w+)")] public required string Rating { get; init; }

    /// <summary>The UPC.</summary>
    [Text("tr:has(> th:contains('UPC')) > td")] public required string Upc { get; init; }

    /// <summary>The category.</summary>
    [Text("ul.breadcrumb li:nth-child(3) a")] public required string Category { get; init; }
}
