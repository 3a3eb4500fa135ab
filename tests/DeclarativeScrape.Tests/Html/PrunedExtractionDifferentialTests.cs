using System.Text;
using System.Text.Json;
using DeclarativeScrape.Tests.Support;
using Xunit.Abstractions;

namespace DeclarativeScrape.Tests.Html;

/// <summary>
/// The crawl's compact path (the compact parser, then a document of only what the page type's selectors need) must
/// extract exactly what AngleSharp's full parse gives: the same item, failures and links, on every page of both docs
/// corpora and thousands of mutations of them, for page types with the selectors of the demo scrapers and of the docs
/// benchmark scraper. A page the compact parser does not handle is parsed in full (counted, never different).
/// </summary>
public sealed class PrunedExtractionDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void The_demo_and_docs_selectors_are_of_forms_the_compact_path_takes()
    {
        foreach (var page in PrunedDocsScraper.Plan.Pages.Concat<object>(PrunedShopScraper.Plan.Pages))
        {
            var selectors = page switch
            {
                PageType<PrunedDocsPage> docs => docs.Selectors,
                PageType<PrunedBookPage> book => book.Selectors,
                _ => null,
            };
            selectors.ShouldNotBeNull();
            PruneSelectors.TryCreate(selectors).ShouldNotBeNull(string.Join(" | ", selectors));
        }

        PruneSelectors.TryCreate(["a + b"]).ShouldBeNull();
        PruneSelectors.TryCreate(["p:empty"]).ShouldBeNull();
        PruneSelectors.TryCreate(["div:has(+ p)"]).ShouldBeNull();
        PruneSelectors.TryCreate(["div:has(~ p)"]).ShouldBeNull();
        PruneSelectors.TryCreate(["div:has(p:first-child)"]).ShouldBeNull();
        PruneSelectors.TryCreate(["div:has(section:contains('x') p)"]).ShouldBeNull();
        PruneSelectors.TryCreate(["div:has(p:not(.x))"]).ShouldBeNull();
        PruneSelectors.TryCreate(["div:has(p)", "tr:has(> th:contains('UPC')) > td", "p:contains('x')"]).ShouldNotBeNull();
        PruneSelectors.TryCreate(["li ~ li"]).ShouldBeNull();
        PruneSelectors.TryCreate(["p::text"]).ShouldBeNull();
    }

    [Fact]
    public void Corpus_pages_extract_the_same_on_the_compact_path()
    {
        var stats = new Stats();
        foreach (var (relative, path) in DocsCorpora.Pages())
        {
            var bytes = File.ReadAllBytes(path);
            Compare(PrunedDocsScraper.Plan, bytes, new Uri(new Uri("http://127.0.0.1:41517/"), relative), stats);
            Compare(PrunedShopScraper.Plan, bytes, new Uri(new Uri("http://127.0.0.1:41517/"), relative), stats);
        }

        Report(stats);
        stats.Differences.ShouldBeEmpty();
    }

    [Fact]
    public void Mutated_pages_extract_the_same_on_the_compact_path()
    {
        var pages = DocsCorpora.Pages();
        var random = new Random(20261208);
        var seeds = pages.Count > 0
            ? Enumerable.Range(0, 30).Select(_ => File.ReadAllText(pages[random.Next(pages.Count)].Path)).Append(ShopPage).ToArray()
            : [ShopPage];
        var stats = new Stats();
        for (var i = 0; i < 2000; i++)
        {
            var html = CompactTreeDifferentialTests.Mutate(seeds[random.Next(seeds.Length)], random);
            var bytes = Encoding.UTF8.GetBytes(html);
            var url = new Uri($"http://127.0.0.1:41517/m/{i}.html");
            Compare(PrunedDocsScraper.Plan, bytes, url, stats);
            Compare(PrunedShopScraper.Plan, bytes, url, stats);
        }

        Report(stats);
        stats.Differences.ShouldBeEmpty();
        stats.Compact.ShouldBeGreaterThan(stats.Pages / 2);
    }

    [Fact]
    public void A_shop_page_extracts_the_same_and_builds_a_fraction_of_the_page()
    {
        var stats = new Stats();
        Compare(PrunedShopScraper.Plan, Encoding.UTF8.GetBytes(ShopPage), new Uri("http://127.0.0.1/catalogue/book_1/index.html"), stats);
        Report(stats);
        stats.Differences.ShouldBeEmpty();
        stats.Compact.ShouldBe(2);
        stats.Fallbacks.Keys.ShouldBe([nameof(TreeFallback.None)]);
    }

    private const string ShopPage = """
        <!DOCTYPE html><html lang="en"><head><title>A book</title><base href="/catalogue/"></head><body>
        <ul class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/books">Books</a></li><li><a href="/poetry">Poetry</a></li><li class="active">A book</li></ul>
        <div class="side_categories"><ul><li><a href="/catalogue/category/poetry_1/index.html">Poetry</a></li><li><a href="/elsewhere.html">Elsewhere</a></li></ul></div>
        <div class="row"><div class="item"><img src="cover.jpg" alt="A book"></div>
        <div class="col-sm-6 product_main"><h1>A book</h1><p class="price_color">£51.77</p>
        <p class="instock availability"><i class="icon-ok"></i> In stock (22 available)</p><p class="star-rating Three"><i></i></p></div></div>
        <table class="table table-striped"><tr><th>UPC</th><td>a897fe39b1053632</td></tr><tr><th>Type</th><td>Books</td></tr></table>
        <section id="reviews"><article><h3>Great &amp; good</h3><span class="author">Ann</span><time datetime="2024-01-02">2 Jan</time>
        <p class="star-rating Four"></p><p class="review-text">Lovely <b>book</b>.</p></article>
        <article><h3>Meh</h3><span class="author">Bob</span><time datetime="2024-02-03">3 Feb</time><p class="star-rating One"></p><p class="review-text">No.</p></article></section>
        <div class="recommended"><article class="product_pod"><h3><a href="../b2/index.html">B2</a></h3></article></div>
        <ul class="pager"><li class="page"><a href="page-2.html">2</a></li><li class="next"><a href="page-2.html">next</a></li></ul>
        <script>var x = "<p class='price_color'>0</p>";</script></body></html>
        """;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private static void Compare<TItem>(CrawlPlan<TItem> plan, byte[] body, Uri url, Stats stats)
    {
        var compactWorker = new ParseWorker();
        var fullWorker = new ParseWorker();
        foreach (var pageType in plan.Pages)
        {
            var full = new PageType<TItem>(pageType.Type, pageType.Name, pageType.Extract, pageType.IsItem) { ReadAttributes = pageType.ReadAttributes };
            var compact = compactWorker.Extract(body, "text/html; charset=utf-8", url, pageType);
            var how = compactWorker.LastCompact;
            var compactLinks = Describe(compactWorker.Links);
            var expected = fullWorker.Extract(body, "text/html; charset=utf-8", url, full);
            fullWorker.LastCompact.ShouldBeNull();
            stats.Pages++;
            stats.Compact += how == TreeFallback.None ? 1 : 0;
            var key = how?.ToString() ?? "no plan";
            stats.Fallbacks[key] = stats.Fallbacks.GetValueOrDefault(key) + 1;
            var a = Describe(compact) + compactLinks;
            var e = Describe(expected) + Describe(fullWorker.Links);
            if (a != e)
            {
                var at = 0;
                while (at < a.Length && at < e.Length && a[at] == e[at])
                {
                    at++;
                }

                var from = Math.Max(0, at - 200);
                stats.Differences.Add($"{url} as {pageType.Name} ({how}), from character {from}:\n  full    {Cut(e[from..])}\n  compact {Cut(a[from..])}");
            }
        }
    }

    private static string Describe<TItem>(PageExtraction<TItem> extraction) =>
        $"{extraction.HasItem} {JsonSerializer.Serialize(extraction.Item, Json)} [{string.Join("; ", extraction.Failures.Select(f => f.ToString()))}] {extraction.Error}";

    private static string Describe(IReadOnlyList<DiscoveredLink> links) => " links: " + string.Join(" ", links.Select(l => $"{l.Property}={l.Href}"));

    private static string Cut(string text) => text.Length > 600 ? text[..600] + "…" : text;

    private void Report(Stats stats)
    {
        output.WriteLine($"{stats.Pages} extractions, {stats.Compact} on the compact path: " + string.Join(", ", stats.Fallbacks.Select(p => $"{p.Key} {p.Value}")));
        foreach (var difference in stats.Differences.Take(10))
        {
            output.WriteLine(difference);
        }
    }

    private sealed class Stats
    {
        public int Pages { get; set; }

        public int Compact { get; set; }

        public Dictionary<string, int> Fallbacks { get; } = [];

        public List<string> Differences { get; } = [];
    }
}

[Scraper(StartUrl = "http://127.0.0.1:5080/index.html", StartPage = typeof(PrunedDocsPage))]
internal static partial class PrunedDocsScraper;

/// <summary>The docs benchmark scraper's selectors (bench/DeclarativeScrape.CrawlBenchmark/DocsScraper.cs) and the docs example's.</summary>
[Page, Item]
internal sealed partial record PrunedDocsPage
{
    [PageUrl] public Uri Url { get; init; } = default!;

    [Text("title")] public string? Title { get; init; }

    [Text("h1")] public string? H1 { get; init; }

    [Text("nav.breadcrumbs li:nth-child(2)")] public string? Section { get; init; }

    [Items("h1, h2, h3, h4, h5, h6")] public IReadOnlyList<PrunedHeading> Headings { get; init; } = [];

    [Text("div.section > p:first-child")] public string? FirstParagraph { get; init; }

    [Html("div.highlight pre")] public string? FirstCode { get; init; }

    [Follow("a[href*='.html'], a[href$='/']")] public IReadOnlyList<Link<PrunedDocsPage>> Links { get; init; } = [];
}

/// <summary>A heading of <see cref="PrunedDocsPage"/>.</summary>
[Item]
internal sealed partial record PrunedHeading
{
    [Attr(":scope", "id")] public string? Id { get; init; }

    [Text(":scope")] public string? Text { get; init; }

    [Attr("a.headerlink", "href")] public string? Anchor { get; init; }
}

[Scraper(StartUrl = "http://127.0.0.1:5080/catalogue/page-1.html", StartPage = typeof(PrunedCataloguePage))]
internal static partial class PrunedShopScraper;

/// <summary>The bookstore example's listing page, with a <c>[FollowLinks]</c> (its selector is in the plan too).</summary>
[Page]
[FollowLinks(Selector = "div.side_categories a", Include = ["**/category/**"])]
internal sealed partial record PrunedCataloguePage
{
    [Follow("li.next a")] public Link<PrunedCataloguePage>? Next { get; init; }

    [Follow("ul.pager li.page a")] public IReadOnlyList<Link<PrunedCataloguePage>> Pages { get; init; } = [];

    [Follow("article.product_pod h3 a")] public IReadOnlyList<Link<PrunedBookPage>> Books { get; init; } = [];
}

/// <summary>The bookstore example's book page.</summary>
[Page, Item]
internal sealed partial record PrunedBookPage
{
    [Text("div.product_main h1")] public string? Title { get; init; }

    [Text("div.product_main p.price_color")] public string? Price { get; init; }

    [Text("div.product_main p.availability")] public string? Availability { get; init; }

    [Text("table.table-striped td")] public string? Upc { get; init; }

    [Text("tr:has(> th:contains('UPC')) > td")] public string? UpcByHeading { get; init; }

    [Text("table:has(th) tr:contains('Type') td")] public string? Kind { get; init; }

    [Attr("div.item img", "src")] public Uri? Cover { get; init; }

    [Attr("div.product_main p.star-rating", "class")] public string? Rating { get; init; }

    [Text("ul.breadcrumb li:nth-child(3) a")] public string? Category { get; init; }

    [Items("#reviews article")] public IReadOnlyList<PrunedReview> Reviews { get; init; } = [];

    [PageUrl] public Uri Url { get; init; } = default!;
}

/// <summary>The bookstore example's review.</summary>
[Item]
internal sealed partial record PrunedReview
{
    [Text("h3")] public string? Title { get; init; }

    [Text(".author")] public string? Author { get; init; }

    [Attr("time", "datetime")] public string? Date { get; init; }

    [Text(".review-text")] public string? Text { get; init; }
}
