namespace DeclarativeScrape.Hosting.Tests.GenericHost;

// A generated scraper for the Generic Host tests: a shelf page linking books, each book an item. The start URL is
// replaced by configuration in every test (a port of the test server's).
[Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(ShelfPage))]
[Concurrency(Max = 4, PerHost = 1)]
public static partial class ShelfScraper;

[Page]
public partial class ShelfPage
{
    [Follow("a.book")] public IReadOnlyList<Link<ShelfBook>> Books { get; init; } = [];
}

[Page, Item]
public partial record ShelfBook
{
    [Text("h1")] public required string Title { get; init; }
}
