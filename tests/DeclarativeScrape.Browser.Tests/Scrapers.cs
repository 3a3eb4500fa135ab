namespace DeclarativeScrape.Browser.Tests;

// Always: every listing and product page is rendered.
[Scraper(StartUrl = "http://127.0.0.1/shop/page-1.html", StartPage = typeof(RenderedListing))]
[Concurrency(Max = 8, PerHost = 8)]
public static partial class RenderedShopScraper;

[Page, Render(WaitForSelector = "#products[data-loaded]")]
public partial class RenderedListing
{
    [Follow("#products a.product")] public IReadOnlyList<Link<RenderedProduct>> Products { get; init; } = [];
    [Follow("nav.pager a.next")]    public Link<RenderedListing>? Next { get; init; }
}

[Page, Item, Render(WaitForSelector = "h1.title:not(:empty)")]
public partial record RenderedProduct
{
    [Text("h1.title")] public required string Title { get; init; }
    [Text("p.price")]  public decimal Price { get; init; }
    [Text("p.sku")]    public required string Sku { get; init; }
    [PageUrl]          public Uri Url { get; init; } = default!;
}

// The mixed mode: product pages are rendered only when their static HTML lacks a required value.
[Scraper(StartUrl = "http://127.0.0.1/shop/page-1.html", StartPage = typeof(MixedListing))]
[Concurrency(Max = 8, PerHost = 8)]
public static partial class MixedShopScraper;

[Page, Render(WaitForSelector = "#products[data-loaded]")]
public partial class MixedListing
{
    [Follow("#products a.product")] public IReadOnlyList<Link<MixedProduct>> Products { get; init; } = [];
    [Follow("nav.pager a.next")]    public Link<MixedListing>? Next { get; init; }
}

[Page, Item, Render(Mode = RenderMode.WhenNeeded, WaitForSelector = "h1.title:not(:empty)")]
public partial record MixedProduct
{
    [Text("h1.title")] public required string Title { get; init; }
    [Text("p.price")]  public decimal Price { get; init; }
    [Text("p.sku")]    public required string Sku { get; init; }
    [PageUrl]          public Uri Url { get; init; } = default!;
}

// A "load more" button clicked until it is gone.
[Scraper(StartUrl = "http://127.0.0.1/more.html", StartPage = typeof(MorePage))]
public static partial class MoreScraper;

[Page, Item, Render(ClickSelector = "button.more", MaxClicks = 10)]
public partial record MorePage
{
    [Text("li.item")] public IReadOnlyList<string> Items { get; init; } = [];
}

// A page that never settles, and (as a second start URL) one that crashes its renderer.
[Scraper(StartUrl = "http://127.0.0.1/never.html", StartPage = typeof(StubbornPage))]
[Retry(MaxAttempts = 1)]
public static partial class StubbornScraper;

[Page, Item, Render(WaitUntil = RenderWaitUntil.NetworkIdle, TimeoutSeconds = 8)]
public partial record StubbornPage
{
    [Text("h1")] public required string Title { get; init; }
}

// A page that settles on timers alone: a script condition, and a fixed wait.
[Scraper(StartUrl = "http://127.0.0.1/later.html", StartPage = typeof(ScriptConditionPage))]
public static partial class ScriptConditionScraper;

[Page, Item, Render(WaitForScript = "window.shopReady === true")]
public partial record ScriptConditionPage
{
    [Text("p.flag")] public required string Flag { get; init; }
}

[Scraper(StartUrl = "http://127.0.0.1/later.html", StartPage = typeof(FixedWaitPage))]
public static partial class FixedWaitScraper;

[Page, Item, Render(WaitSeconds = 3)]
public partial record FixedWaitPage
{
    [Text("p.status")] public required string Status { get; init; }
}
