using DeclarativeScrape;

namespace RenderBench;

// The same product page three ways: every page rendered, rendered only when its static HTML lacks a value, never rendered.
[Scraper(StartUrl = "http://127.0.0.1/product/1.html", StartPage = typeof(AlwaysProduct))]
[Concurrency(Max = 16, PerHost = 16)]
public static partial class AlwaysScraper;

[Page, Item, Render(WaitForSelector = "h1.title:not(:empty)")]
public partial record AlwaysProduct
{
    [Text("h1.title")] public required string Title { get; init; }
    [Text("p.price")]  public decimal Price { get; init; }
    [Text("p.sku")]    public required string Sku { get; init; }
    [PageUrl]          public Uri Url { get; init; } = default!;
}

[Scraper(StartUrl = "http://127.0.0.1/product/1.html", StartPage = typeof(MixedProduct))]
[Concurrency(Max = 16, PerHost = 16)]
public static partial class MixedScraper;

[Page, Item, Render(Mode = RenderMode.WhenNeeded, WaitForSelector = "h1.title:not(:empty)")]
public partial record MixedProduct
{
    [Text("h1.title")] public required string Title { get; init; }
    [Text("p.price")]  public decimal Price { get; init; }
    [Text("p.sku")]    public required string Sku { get; init; }
    [PageUrl]          public Uri Url { get; init; } = default!;
}

[Scraper(StartUrl = "http://127.0.0.1/product/1.html", StartPage = typeof(StaticProduct))]
[Concurrency(Max = 16, PerHost = 16)]
public static partial class StaticScraper;

[Page, Item]
public partial record StaticProduct
{
    [Text("h1.title")] public required string Title { get; init; }
    [Text("p.price")]  public decimal Price { get; init; }
    [Text("p.sku")]    public required string Sku { get; init; }
    [PageUrl]          public Uri Url { get; init; } = default!;
}
