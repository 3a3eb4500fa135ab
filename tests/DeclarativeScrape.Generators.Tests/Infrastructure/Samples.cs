namespace DeclarativeScrape.Generators.Tests.Infrastructure;

/// <summary>Representative scrapers, as source text, shared by the snapshot, compile and incrementality tests.</summary>
public static class Samples
{
    public const string SingleItem = """
        using System;
        using System.Collections.Generic;
        using DeclarativeScrape;

        namespace Shop;

        [Scraper(StartUrl = "http://127.0.0.1:5080/catalogue/page-1.html", StartPage = typeof(CataloguePage))]
        [AllowedHosts("127.0.0.1")]
        [Concurrency(Max = 64, PerHost = 16)]
        [RateLimit(RequestsPerSecond = 50, Burst = 10)]
        [Retry(MaxAttempts = 4, BaseDelayMs = 200, StatusCodes = new[] { 503, 429 })]
        [Timeouts(RequestSeconds = 15, ReadIdleSeconds = 5)]
        [Robots(Obey = false)]
        [UserAgent("ShopBot/1.0 (+https://example.com/bot)")]
        [Header("Accept-Language", "en-GB")]
        [Limits(MaxPages = 1000, MaxDepth = 5, MaxResponseBytes = 4 << 20, BodyBudgetBytes = 32L << 20, MaxRedirects = 5)]
        public static partial class BookstoreScraper;

        [Page]
        public partial class CataloguePage
        {
            [Follow("li.next a")] public Link<CataloguePage>? Next { get; init; }
            [Follow("article.product_pod h3 a")] public IReadOnlyList<Link<BookPage>> Books { get; init; } = [];
        }

        public enum Rating { Zero, One, Two, Three, Four, Five }

        [Page, Item]
        public partial record BookPage
        {
            [Text("div.product_main h1")] public required string Title { get; init; }
            [Text("p.price_color")] public decimal Price { get; init; }
            [Text("p.availability"), Match(@"\((?<value>\d+) available\)")] public int? Stock { get; init; }
            [Attr("div.item img", "src")] public Uri? Cover { get; init; }
            [Attr("p.star-rating", "class"), Match(@"star-rating (\w+)")] public Rating Rating { get; init; }
            [Text("ul.breadcrumb li:nth-child(3) a")] public string? Category { get; init; }
            [Text("ul.tags li")] public IReadOnlyList<string> Tags { get; init; } = [];
            [Html("#description")] public string? Description { get; init; }
            [Items("#reviews article")] public IReadOnlyList<Review> Reviews { get; init; } = [];
            [Items("#featured")] public Review? Featured { get; init; }
            [PageUrl] public Uri Url { get; init; } = default!;
        }

        [Item]
        public partial record Review
        {
            [Text("span.author")] public required string Author { get; init; }
            [Text("time"), Format("yyyy-MM-dd")] public DateTime Date { get; init; }
            [Text("span.stars")] public double? Stars { get; init; }
            [Attr("a.permalink", "href")] public Uri? Link { get; init; }
        }
        """;

    public const string SeveralItems = """
        using System.Collections.Generic;
        using DeclarativeScrape;

        namespace Library;

        [Scraper(StartUrls = new[] { "https://books.example/", "https://books.example/authors" }, StartPage = typeof(HomePage))]
        public static partial class LibraryScraper;

        [Page]
        public partial class HomePage
        {
            [Follow("a.book")] public IReadOnlyList<Link<BookPage>> Books { get; init; } = [];
            [Follow("a.author")] public IReadOnlyList<Link<AuthorPage>> Authors { get; init; } = [];
        }

        [Page, Item]
        public partial class BookPage
        {
            [Text("h1")] public string Title { get; init; } = "";
            [Follow("a.author")] public Link<AuthorPage>? Author { get; init; }
        }

        [Page, Item]
        public partial class AuthorPage
        {
            [Text("h1")] public string Name { get; init; } = "";
            [Text("span.born")] public System.DateTimeOffset? Born { get; init; }
            [Text("span.living")] public bool Living { get; init; }
        }
        """;

    public const string Converters = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using DeclarativeScrape;

        namespace Units;

        public static class Weights
        {
            public static int Grams(string text) => (int)(decimal.Parse(text.Replace("kg", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) * 1000);

            public static bool TryParseSize(string text, out Size size) => Enum.TryParse(text, true, out size);
        }

        public enum Size { Small, Large }

        [Scraper(StartUrl = "http://127.0.0.1/p", StartPage = typeof(ProductPage))]
        public static partial class ProductScraper;

        [Page, Item]
        public partial class ProductPage
        {
            [Text("span.weight"), Convert(typeof(Weights), nameof(Weights.Grams))] public int Grams { get; init; }
            [Text("span.size"), Convert(typeof(Weights), nameof(Weights.TryParseSize))] public Size? Size { get; init; }
            [Text("li.size"), Convert(typeof(Weights), nameof(Weights.TryParseSize))] public IReadOnlyList<Size> Sizes { get; init; } = [];
            [Attr("meta[itemprop=sku]", "content"), Convert(typeof(Sku), nameof(Sku.Parse))] public Sku Sku { get; init; }
        }

        public readonly record struct Sku(string Code)
        {
            public static Sku Parse(string text) => new(text.Trim().ToUpperInvariant());
        }
        """;

    public const string FollowGraph = """
        using System.Collections.Generic;
        using DeclarativeScrape;

        namespace Graph;

        [Scraper(StartUrl = "http://127.0.0.1/a", StartPage = typeof(PageA))]
        [Concurrency(Max = 4)]
        public static partial class GraphScraper;

        [Page]
        public partial class PageA
        {
            [Follow("a.b")] public IReadOnlyList<Link<PageB>> Bs { get; init; } = [];
            [Items("div.card")] public IReadOnlyList<Card> Cards { get; init; } = [];
        }

        [Page]
        public partial class PageB
        {
            [Follow("a.c", Attribute = "data-href")] public Link<PageC> C { get; init; }
        }

        [Page, Item]
        public partial class PageC
        {
            [Text("h1")] public string Title { get; init; } = "";
            [Follow("a.home")] public Link<PageA>? Home { get; init; }
        }

        [Item]
        public partial class Card
        {
            [Text("h2")] public string? Heading { get; init; }
            [Follow("a.more")] public Link<PageD>? More { get; init; }
        }

        [Page]
        public partial class PageD
        {
            [Follow("a.c")] public IReadOnlyList<Link<PageC>> Cs { get; init; } = [];
        }
        """;

    public const string GlobalNamespace = """
        using DeclarativeScrape;

        [Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(GlobalPage))]
        public static partial class GlobalScraper;

        [Page, Item]
        public partial class GlobalPage
        {
            [Text("title")] public string? Title { get; init; }
            [OuterHtml("main")] public string? Main { get; init; }
            [PageUrl] public string Url { get; init; } = "";
        }
        """;

    public const string NestedContainingTypes = """
        using DeclarativeScrape;

        namespace Outer.Space;

        public static partial class Site
        {
            public partial class Pages
            {
                [Page, Item]
                internal partial record Home
                {
                    [Text("h1")] public string Heading { get; init; } = "";
                    [Text("span.count")] public long Count { get; init; }
                    [Attr("a.escape", "data-x")] public string? Tricky { get; init; }
                }
            }

            [Scraper(StartUrl = "http://127.0.0.1/\u00e9t\u00e9?q=\"quoted\"", StartPage = typeof(Pages.Home))]
            [Header("X-Note", "a \\ backslash {braces} \"quotes\" caf\u00e9")]
            internal static partial class HomeScraper;
        }
        """;

    public const string ScopeSelectors = """
        using System.Collections.Generic;
        using DeclarativeScrape;

        namespace Cards;

        [Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(CardPage))]
        public static partial class CardScraper;

        [Page, Item]
        public partial class CardPage
        {
            [Attr(":scope", "lang")] public string? Language { get; init; }
            [Items("a.card")] public IReadOnlyList<Card> Cards { get; init; } = [];
        }

        [Item]
        public partial class Card
        {
            [Attr(":scope", "data-id")] public required string Id { get; init; }
            [Text(":scope > h3")] public string? Title { get; init; }
            [Attr(":scope", "class")] public IReadOnlyList<string> Classes { get; init; } = [];
            [Follow(":scope")] public Link<CardPage>? Next { get; init; }
        }
        """;

    public const string TextAndOutput = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using DeclarativeScrape;

        namespace Manual;

        [Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(ManualPage))]
        public static partial class ManualScraper;

        [Page, Item]
        public partial record ManualPage
        {
            [Text("title"), Split("|", 0)] public required string Title { get; init; }
            [Text("h1"), Trim("\u00b6#")] public string? Heading { get; init; }
            [Count("h1, h2, h3")] public int Headings { get; init; }
            [Count(":scope")] public long Self { get; init; }
            [Text("span.by"), Replace("By ", ""), Replace("&", "and"), Split(" ", -2, Count = 2), Trim] public string? Author { get; init; }
            [Text("h2"), Trim("\u00b6"), Match(@"^\d+\. (.*)$")] public IReadOnlyList<string> Sections { get; init; } = [];
            [Attr("p.version", "data-v"), JsonPropertyName("release")] public string? Version { get; init; }
            [Text("p.secret"), JsonIgnore] public string? Secret { get; init; }
            [Follow("a.next")] public Link<ManualPage>? Next { get; init; }
            [Follow("a.up"), JsonInclude] public Link<ManualPage>? Up { get; init; }
            public bool HasSections => Sections.Count > 0;
            [JsonIgnore] public string Debug => Title;
        }
        """;

    public const string LinkRules = """
        using System.Collections.Generic;
        using DeclarativeScrape;

        namespace Docs;

        [Scraper(StartUrl = "http://127.0.0.1/docs/", StartPage = typeof(DocPage))]
        [Scope(PathPrefix = "/docs/", Include = ["**.html", "**/"], Exclude = ["**/drafts/**"])]
        [Sitemap(typeof(ApiPage), Url = "/sitemap.xml", Include = ["/docs/api/**"])]
        [Sitemap(typeof(DocPage))]
        public static partial class DocsScraper;

        [Page, Item]
        [FollowLinks(Exclude = ["**.{pdf,zip}"])]
        [FollowLinks(Selector = "link[rel=next]", To = typeof(ApiPage), Include = ["/docs/api/**"])]
        public partial record DocPage
        {
            [Text("h1")] public string? Title { get; init; }
            [Follow("nav a", Include = ["/docs/guide/**"])] public IReadOnlyList<Link<DocPage>> Guides { get; init; } = [];
            [Follow("a.up", Exclude = ["**?*"])] public Link<DocPage>? Up { get; init; }
            [Follow("a.home", Exclude = ["/"])] public required Link<DocPage> Home { get; init; }
        }

        [Page, Item]
        public partial record ApiPage
        {
            [Text("h1")] public string? Name { get; init; }
        }
        """;

    public const string DataAcrossPages = """
        using System;
        using System.Collections.Generic;
        using DeclarativeScrape;

        namespace Shelves;

        [Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(CategoryPage))]
        public static partial class ShelfScraper;

        public enum Section { Fiction, Science }

        [Page]
        [FollowLinks(Selector = "a.related", To = typeof(BookPage), Carry = ["Category"])]
        public partial class CategoryPage
        {
            [Text("h1")] public required string Category { get; init; }
            [Attr("h1", "data-section")] public Section Section { get; init; }
            [Text("p.page")] public int? Page { get; init; }
            [Attr("main", "data-updated")] public DateTimeOffset Updated { get; init; }
            [Follow("a.book", Carry = [nameof(Category), nameof(Section), nameof(Page), nameof(Updated)])] public IReadOnlyList<Link<BookPage>> Books { get; init; } = [];
        }

        [Page, Item]
        public partial record BookPage
        {
            [Text("h1")] public required string Title { get; init; }
            [Carried] public required string Category { get; init; }
            [Carried] public Section? Section { get; init; }
            [Carried] public int? Page { get; init; }
            [Carried] public DateTimeOffset? Updated { get; init; }
        }
        """;

    public const string Rendering = """
        using System;
        using System.Collections.Generic;
        using DeclarativeScrape;

        namespace Rendered;

        [Scraper(StartUrl = "http://127.0.0.1/shop/page-1.html", StartPage = typeof(Listing))]
        public static partial class ShopScraper;

        [Page, Render(WaitForSelector = "#products li", WaitForScript = "window.app?.ready === true", WaitSeconds = 0.5, ClickSelector = "button.more", MaxClicks = 3, TimeoutSeconds = 12.5)]
        public partial class Listing
        {
            [Follow("#products a")] public IReadOnlyList<Link<Product>> Products { get; init; } = [];
        }

        [Page, Item, Render(Mode = RenderMode.WhenNeeded, WaitUntil = RenderWaitUntil.NetworkIdle, Block = RenderResources.Images | RenderResources.Stylesheets)]
        public partial record Product
        {
            [Text("h1")] public required string Title { get; init; }
            [Text("p.price")] public decimal Price { get; init; }
            [Text("p.note")] public string? Note { get; init; }
            [PageUrl] public Uri Url { get; init; } = default!;
        }
        """;

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [nameof(Rendering)] = Rendering,
        [nameof(SingleItem)] = SingleItem,
        [nameof(SeveralItems)] = SeveralItems,
        [nameof(Converters)] = Converters,
        [nameof(FollowGraph)] = FollowGraph,
        [nameof(GlobalNamespace)] = GlobalNamespace,
        [nameof(NestedContainingTypes)] = NestedContainingTypes,
        [nameof(ScopeSelectors)] = ScopeSelectors,
        [nameof(TextAndOutput)] = TextAndOutput,
        [nameof(LinkRules)] = LinkRules,
        [nameof(DataAcrossPages)] = DataAcrossPages,
    };

    public static TheoryData<string> Names => [.. All.Keys];
}
