using System.Globalization;

namespace DeclarativeScrape.Generators.Tests.Scrapers;

// Test scrapers compiled by the real generator (this project references it as an analyzer): the extraction tests
// run their generated extractors on the saved pages under Pages/.

[Scraper(StartUrl = "http://127.0.0.1:5080/catalogue/page-1.html", StartPage = typeof(CataloguePage))]
[AllowedHosts("127.0.0.1")]
[Concurrency(Max = 64, PerHost = 16)]
[RateLimit(RequestsPerSecond = 50, Burst = 10)]
[Retry(MaxAttempts = 4, BaseDelayMs = 200, StatusCodes = [429, 503])]
[Timeouts(RequestSeconds = 15, ReadIdleSeconds = 5)]
[UserAgent("TestBot/1.0")]
[Header("Accept-Language", "en-GB")]
[Header("X-Quote", "say \"hi\" {0} \\ é")]
[Limits(MaxPages = 100, MaxDecompressedBytes = 8 << 20, BodyBudgetBytes = 48L << 20, MaxRedirects = 3)]
public static partial class BookstoreScraper;

[Page]
public partial class CataloguePage
{
    [Text("h1")] public required string Heading { get; init; }

    [Follow("li.next a")] public Link<CataloguePage>? Next { get; init; }

    [Follow("article.product_pod h3 a")] public IReadOnlyList<Link<BookPage>> Books { get; init; } = [];

    [Text("article.product_pod p.price_color")] public IReadOnlyList<decimal> Prices { get; init; } = [];
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

    [Text("div.product_main p.price_color")] public decimal Price { get; init; }

    [Text("p.availability"), Match(@"\((?<value>\d+) available\)")] public int Stock { get; init; }

    [Attr("p.availability", "data-in-stock")] public bool InStock { get; init; }

    [Attr("div.item img", "src")] public Uri? Cover { get; init; }

    [Attr("p.star-rating", "class"), Match(@"star-rating (\w+)")] public Rating Rating { get; init; }

    [Text("ul.breadcrumb li:nth-child(3) a")] public string? Category { get; init; }

    [Text("table tr:nth-child(1) td")] public long Upc { get; init; }

    [Text("span.published"), Format("d MMMM yyyy")] public DateTime Published { get; init; }

    [Text("span.updated")] public DateTimeOffset? Updated { get; init; }

    [Text("span.weight"), Convert(typeof(Units), nameof(Units.Grams))] public int? Grams { get; init; }

    [Html("#product_description + p")] public string? Description { get; init; }

    [OuterHtml("p.price_color")] public string? PriceHtml { get; init; }

    [Text("ul.tags li")] public IReadOnlyList<string> Tags { get; init; } = [];

    [Items("#reviews article")] public IReadOnlyList<Review> Reviews { get; init; } = [];

    [Items("#reviews article.featured")] public Review? Featured { get; init; }

    [PageUrl] public Uri Url { get; init; } = default!;
}

[Item]
public partial record Review
{
    [Text("span.author")] public required string Author { get; init; }

    [Text("time")] public DateTime Date { get; init; }

    [Text("span.stars")] public double? Stars { get; init; }

    [Attr("time", "data-verified")] public bool? Verified { get; init; }
}

public static class Units
{
    /// <summary>"1.2 kg" → 1200; anything else throws, which extraction records as a failure.</summary>
    public static int Grams(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var number = text.Replace("kg", string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
        return (int)(decimal.Parse(number, NumberStyles.Number, CultureInfo.InvariantCulture) * 1000);
    }
}
