using DeclarativeScrape;
using DeclarativeScrape.Hosting;

// A command-line tool: --url, --out FILE.jsonl|.csv, --state DIR, --concurrency, --help. The demo bookstore:
//   dotnet run --project examples/DemoServer -- --port 5080      (in a clone of DeclarativeScrape)
//   dotnet run -- --out books.jsonl                                (here)
return await ScrapeApp.RunAsync(BookstoreScraper.Plan, args);

// The crawl: where it starts, which hosts it may visit, how hard it may push.
[Scraper(StartUrl = "http://127.0.0.1:5080/catalogue/page-1.html", StartPage = typeof(CataloguePage))]
[Concurrency(Max = 16, PerHost = 8)]
[RateLimit(RequestsPerSecond = 50, Burst = 10)]
public static partial class BookstoreScraper;

// A listing page: links to follow, typed by the page they lead to.
[Page]
public partial class CataloguePage
{
    [Follow("li.next a")] public Link<CataloguePage>? Next { get; init; }
    [Follow("article.product_pod h3 a")] public IReadOnlyList<Link<BookPage>> Books { get; init; } = [];
}

// A book's page, which is also the item the scraper writes.
[Page, Item]
public partial record BookPage
{
    [Text("div.product_main h1")] public required string Title { get; init; }
    [Text("p.price_color")] public decimal Price { get; init; }
    [Attr("p.star-rating", "class"), Match(@"star-rating (\w+)")] public Rating Rating { get; init; }
    [Text("ul.breadcrumb li:nth-child(3) a")] public string? Category { get; init; }
    [PageUrl] public Uri Url { get; init; } = default!;
}

public enum Rating { One = 1, Two, Three, Four, Five }
