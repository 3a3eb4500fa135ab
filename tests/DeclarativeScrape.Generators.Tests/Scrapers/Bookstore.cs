namespace DeclarativeScrape.Generators.Tests.Scrapers;

[Scraper(StartUrl = "http://127.0.0.1:5080/catalogue/page-1.html", StartPage = typeof(CataloguePage))]
[AllowedHosts("127.0.0.1")]
[Concurrency(Max = 64, PerHost = 16)]
[RateLimit(RequestsPerSecond = 50, Burst = 10)]
[Retry(MaxAttempts = 4, BaseDelayMs = 200)]
[Timeouts(RequestSeconds = 15, ReadIdleSeconds = 5)]
public static partial class BookstoreScraper;

[Page]
public partial class CataloguePage
{
    [Follow("li.next a")] public Link<CataloguePage>? Next { get; init; }

    [Follow("article.product_pod h3 a")] public IReadOnlyList<Link<BookPage>> Books { get; init; } = [];
}

public enum Rating
{
    Zero,
    One,
    Two,
    Three,
    Four,
    Five,
}

[Page, Item]
public partial record BookPage
{
    [Text("div.product_main h1")] public required string Title { get; init; }

    [Text("p.price_color")] public decimal Price { get; init; }

    [Attr("div.item img", "src")] public Uri? Cover { get; init; }

    [Attr("p.star-rating", "class"), Match(@"star-rating (\w+)")] public Rating Rating { get; init; }

    [Text("ul.breadcrumb li:nth-child(3) a")] public string? Category { get; init; }

    [Items("#reviews article")] public IReadOnlyList<Review> Reviews { get; init; } = [];

    [PageUrl] public Uri Url { get; init; } = default!;
}

[Item]
public partial record Review
{
    [Text("span.author")] public required string Author { get; init; }

    [Text("time"), Format("yyyy-MM-dd")] public DateTime Date { get; init; }

    [Text("p.body")] public string? Body { get; init; }
}
