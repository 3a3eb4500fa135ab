using System.Text.Json.Serialization;

namespace DeclarativeScrape.Generators.Tests.Scrapers;

// The dsl's value and link features on the demo bookstore's pages: counts, [Replace]/[Split]/[Trim], [JsonPropertyName]
// and [JsonIgnore], [Follow] Include/Exclude (single and list), [FollowLinks], Carry/[Carried], a computed member. The
// sample check's differential test (SamplePages/CrawlAgreementTests) runs them through the crawl and the sample check.
// Both page types are items, so that the test compares their values too.

[Scraper(StartUrl = "http://127.0.0.1/catalogue/page-1.html", StartPage = typeof(ShapedListing))]
public static partial class ShapedScraper;

[Page, Item]
[FollowLinks(Selector = "ul.pager a", Include = ["**/page-*.html"], Exclude = ["**/page-1.html"])]
public partial class ShapedListing
{
    [Text("div.page-header h1")] public required string Heading { get; init; }

    [Text("form.form-horizontal"), Split(" ", 0)] public required int Results { get; init; }

    [Text("ul.pager li.current"), Split("of", -1)] public int? Pages { get; init; }

    [Count("article.product_pod")] public int Books { get; init; }

    [Count("article.product_pod p.instock")] public long InStock { get; init; }

    [Text("article.product_pod p.price_color"), Replace("£", ""), Trim("0")] public IReadOnlyList<string> Prices { get; init; } = [];

    [Follow("article.product_pod h3 a", Include = ["**/index.html"], Carry = [nameof(Heading), nameof(Results)])]
    public IReadOnlyList<Link<ShapedBook>> Items { get; init; } = [];

    [Follow("ul.pager a", Include = ["**/page-2.html", "**/page-3.html"])] public Link<ShapedListing>? Later { get; init; }

    [Follow("ul.pager a", Include = ["**/page-1.html"])] public Link<ShapedListing>? First { get; init; }
}

[Page, Item]
public partial record ShapedBook
{
    [Text("div.product_main h1"), JsonPropertyName("name")] public required string Title { get; init; }

    [Text("div.product_main p.price_color"), Replace("£", "GBP "), Split(" ", -1)] public decimal Price { get; init; }

    [Text("div.product_main p.availability"), Split("(", 1), Trim(")available ")] public required int Stock { get; init; }

    [Text("ul.breadcrumb li:nth-child(3) a"), Replace("&", "and")] public string? Category { get; init; }

    [Count("#reviews article.review")] public int ReviewCount { get; init; }

    [Attr("div.item img", "src"), Split("/", -2, Count = 2)] public required string CoverTail { get; init; }

    [Text("table tr:nth-child(1) td"), JsonIgnore] public string? Upc { get; init; }

    [Carried] public required string Heading { get; init; }

    [Carried] public required int Results { get; init; }

    [Follow("ul.breadcrumb a", Exclude = ["**/index.html"])] public IReadOnlyList<Link<ShapedListing>> Crumbs { get; init; } = [];

    [Follow("ul.breadcrumb a", Include = ["**/category/**"])] public required Link<ShapedListing> InCategory { get; init; }

    public string Label => Title + " (" + Price.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
}
