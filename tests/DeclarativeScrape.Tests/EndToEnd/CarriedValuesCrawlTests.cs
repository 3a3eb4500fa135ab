using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests.EndToEnd;

// A listing carries its category (and where a book is listed) into each book it links to: typed values across pages,
// kept with the queued URL in memory and in a state directory.

[Scraper(StartUrl = "http://127.0.0.1:1/", StartPage = typeof(ShelfIndex))]
[Retry(MaxAttempts = 1)]
public static partial class ShelfCarryScraper;

[Page]
public partial class ShelfIndex
{
    [Follow("a.shelf")] public IReadOnlyList<Link<ShelfListing>> Shelves { get; init; } = [];
}

public enum Genre { Poetry, Travel }

[Page]
public partial class ShelfListing
{
    [Text("h1")] public required string Category { get; init; }

    [Attr("h1", "data-genre")] public Genre Genre { get; init; }

    [Attr("main", "data-updated")] public DateTimeOffset? Updated { get; init; }

    [Text("p.page"), Match(@"(\d+)")] public int Page { get; init; }

    [Follow("a.book", Carry = [nameof(Category), nameof(Genre), nameof(Updated), nameof(Page)])] public IReadOnlyList<Link<ShelfBookPage>> Books { get; init; } = [];

    [Follow("a.next")] public Link<ShelfListing>? Next { get; init; }
}

[Page, Item]
public partial record ShelfBookPage
{
    [Text("h1")] public required string Title { get; init; }

    [Carried] public string? Category { get; init; }

    [Carried] public Genre? Genre { get; init; }

    [Carried] public DateTimeOffset? Updated { get; init; }

    [Carried] public int? Page { get; init; }

    [PageUrl] public Uri Url { get; init; } = default!;
}

public sealed class CarriedValuesCrawlTests
{
    private static async Task<TestServer> ShelvesAsync()
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/", "<html><body><a class=shelf href='/poetry'>Poetry</a><a class=shelf href='/travel'>Travel</a></body></html>")
              .MapHtml("/poetry", "<html><body><main data-updated='2024-05-01T10:00:00+02:00'><h1 data-genre=poetry>Poetry &amp; Verse</h1><p class=page>Page 1</p><a class=book href='/b/1'>1</a><a class=book href='/b/2'>2</a></main></body></html>")
              .MapHtml("/travel", "<html><body><main><h1 data-genre=Travel>Travel</h1><p class=page>Page 7</p><a class=book href='/b/3'>3</a></main></body></html>")
              .MapHtml("/b/1", "<html><body><h1>Dune</h1></body></html>")
              .MapHtml("/b/2", "<html><body><h1>Emma</h1></body></html>")
              .MapHtml("/b/3", "<html><body><h1>Ulysses</h1></body></html>");
        return server;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_book_receives_the_typed_values_of_the_listing_that_linked_to_it(bool stateDirectory)
    {
        using var state = new StateFixture();
        await using var server = await ShelvesAsync();
        await using var engine = Crawls.Engine();
        var options = ShelfCarryScraper.CreateOptions();
        options.StartUrls = [server.Url("/")];
        options.Robots.Obey = false;
        options.Engine = engine;
        options.StateDirectory = stateDirectory ? state.Directory : null;

        var books = await ShelfCarryScraper.RunAsync(options).ToListAsync().AsTask().WaitAsync(Crawls.Bound);

        var byTitle = books.ToDictionary(b => b.Title);
        byTitle.Keys.Order(StringComparer.Ordinal).ShouldBe(["Dune", "Emma", "Ulysses"]);
        (byTitle["Dune"].Category, byTitle["Dune"].Genre, byTitle["Dune"].Page).ShouldBe(("Poetry & Verse", Genre.Poetry, 1), "the listing that linked it");
        byTitle["Dune"].Updated.ShouldBe(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        (byTitle["Emma"].Category, byTitle["Emma"].Genre).ShouldBe(("Poetry & Verse", Genre.Poetry));
        (byTitle["Ulysses"].Category, byTitle["Ulysses"].Genre, byTitle["Ulysses"].Page, byTitle["Ulysses"].Updated).ShouldBe(("Travel", Genre.Travel, 7, (DateTimeOffset?)null), "an absent optional value arrives absent");
    }

    [Fact]
    public void Carried_values_round_trip_through_the_text_a_state_directory_keeps()
    {
        var values = CarriedValues.Create(["Category", "Absent", "Quote"], ["Poetry & Verse", null, "say \"hi\" é"]);

        var back = CarriedValuesJson.Read(CarriedValuesJson.Write(values));

        back.TryGet("Category", out var category).ShouldBeTrue();
        category.ShouldBe("Poetry & Verse");
        back.TryGet("Absent", out _).ShouldBeFalse();
        back.TryGet("Quote", out var quote).ShouldBeTrue();
        quote.ShouldBe("say \"hi\" é");
        back.TryGet("Other", out _).ShouldBeFalse();
    }
}
