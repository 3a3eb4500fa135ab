namespace DeclarativeScrape.Generators.Tests.Scrapers;

// Two item types: the scraper's items are the generated LibraryScraper.Item union.

[Scraper(StartUrl = "http://127.0.0.1:5080/library/", StartPage = typeof(LibraryHome))]
public static partial class LibraryScraper;

[Page]
public partial class LibraryHome
{
    [Follow("a.novel")] public IReadOnlyList<Link<NovelPage>> Novels { get; init; } = [];

    [Follow("a.author")] public IReadOnlyList<Link<AuthorPage>> Authors { get; init; } = [];
}

[Page, Item]
public partial class NovelPage
{
    [Text("h1")] public string Title { get; init; } = "";

    [Follow("a.author")] public Link<AuthorPage>? Author { get; init; }
}

[Page, Item]
public partial class AuthorPage
{
    [Text("h1")] public string Name { get; init; } = "";

    [Text("span.novels"), System.Text.Json.Serialization.JsonPropertyName("novel_count")] public int Novels { get; init; }
}
