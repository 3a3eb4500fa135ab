namespace DeclarativeScrape.StateBench;

/// <summary>The hub links every listing page; each listing page links its products.</summary>
[Scraper(StartUrl = "http://127.0.0.1:5090/", StartPage = typeof(HubPage))]
[Concurrency(Max = 16, PerHost = 16)]
public static partial class FrontierScraper;

/// <summary>The start page.</summary>
[Page]
public partial class HubPage
{
    /// <summary>The listing pages.</summary>
    [Follow("a.l")] public IReadOnlyList<Link<ListPage>> Lists { get; init; } = [];
}

/// <summary>A listing page.</summary>
[Page]
public partial class ListPage
{
    /// <summary>Its products.</summary>
    [Follow("a.p")] public IReadOnlyList<Link<ProductPage>> Products { get; init; } = [];
}

/// <summary>A product: the item.</summary>
[Page, Item]
public partial record ProductPage
{
    /// <summary>Its title.</summary>
    [Text("h1")] public required string Title { get; init; }

    /// <summary>Its URL.</summary>
    [PageUrl] public Uri Url { get; init; } = default!;
}
