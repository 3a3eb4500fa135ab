namespace DeclarativeScrape.Generators.Tests.Scrapers;

// Data across pages: a listing's category and rank carried into each book it links to.

[Scraper(StartUrl = "http://127.0.0.1/c/poetry", StartPage = typeof(CarryListing))]
public static partial class CarryScraper;

[Page]
public partial class CarryListing
{
    [Text("h1")] public required string Category { get; init; }

    [Text("p.rank")] public int? Rank { get; init; }

    [Follow("a.book", Carry = [nameof(Category), nameof(Rank)])] public IReadOnlyList<Link<CarryBook>> Books { get; init; } = [];

    [Follow("a.next")] public Link<CarryListing>? Next { get; init; }
}

[Page, Item]
public partial record CarryBook
{
    [Text("h1")] public required string Title { get; init; }

    [Carried] public required string Category { get; init; }

    [Carried] public int? Rank { get; init; }
}
