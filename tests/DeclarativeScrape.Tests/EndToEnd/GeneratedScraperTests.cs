using System.Text.Json;
using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests.EndToEnd;

// A scraper written as users write it: the real generator (referenced as an analyzer) emits its plan and entry
// points, and they run on the runtime against a real server.

[Scraper(StartUrl = "http://127.0.0.1:1/", StartPage = typeof(ShelfPage))]
[Concurrency(Max = 8, PerHost = 4)]
[Retry(MaxAttempts = 2, BaseDelayMs = 5)]
public static partial class ShelfScraper;

[Page]
public partial class ShelfPage
{
    [Follow("a.book")] public IReadOnlyList<Link<ShelfBook>> Books { get; init; } = [];

    [Follow("a.next")] public Link<ShelfPage>? Next { get; init; }
}

[Page, Item]
public partial record ShelfBook
{
    [Text("h1")] public required string Title { get; init; }

    [Text("p.price")] public decimal Price { get; init; }

    [PageUrl] public Uri Url { get; init; } = default!;
}

public sealed class GeneratedScraperTests
{
    private static async Task<TestServer> ShelvesAsync()
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/", "<html><body><a class=book href='/b/1'>1</a><a class=book href='/b/2'>2</a><a class=next href='/shelf/2'>next</a></body></html>")
              .MapHtml("/shelf/2", "<html><body><a class=book href='/b/3'>3</a><a class=book href='/b/1'>1 again</a></body></html>")
              .MapHtml("/b/1", "<html><body><h1>Dune</h1><p class=price>£9.99</p></body></html>")
              .MapHtml("/b/2", "<html><body><h1>Emma</h1><p class=price>1,204.50</p></body></html>")
              .MapHtml("/b/3", "<html><body><p class=price>3</p></body></html>");   // no title: an extraction failure
        return server;
    }

    private static ScrapeOptions OptionsFor(TestServer server, ScrapeEngine engine)
    {
        var options = ShelfScraper.CreateOptions();
        options.StartUrls.Clear();
        options.StartUrls.Add(server.Url("/"));
        options.Robots.Obey = false;
        options.Engine = engine;
        return options;
    }

    [Fact]
    public async Task A_generated_scraper_streams_its_items_and_records_extraction_failures()
    {
        await using var server = await ShelvesAsync();
        await using var engine = Crawls.Engine();
        var run = ShelfScraper.Start(OptionsFor(server, engine));
        await using var _ = run;

        var events = await run.ReadEventsAsync().ToListAsync().AsTask().WaitAsync(Crawls.Bound);
        var summary = await run.Completion.WaitAsync(Crawls.Bound);

        var books = events.Select(e => e.TryGetItem(out var b) ? b : null).OfType<ShelfBook>().OrderBy(b => b.Title, StringComparer.Ordinal).ToList();
        books.Select(b => (b.Title, b.Price)).ShouldBe([("Dune", 9.99m), ("Emma", 1204.50m)]);
        books[0].Url.ShouldBe(server.Url("/b/1"));
        var failed = events.Where(e => e.IsOutcome).Select(e => e.Outcome!).Single(o => o.Kind == OutcomeKind.Failed);
        failed.FailureReason.ShouldBe(FailureReason.Extraction);
        failed.ExtractionFailures.ShouldHaveSingleItem().Property.ShouldBe("Title");
        summary.ScraperName.ShouldBe("ShelfScraper");
        summary.Processed.ShouldBe(4);
        summary.SkippedByReason[SkipReason.Duplicate].ShouldBe(1);
        summary.Reconciles.ShouldBeTrue();
    }

    [Fact]
    public async Task A_generated_scraper_writes_its_items_with_the_generated_json_writer()
    {
        await using var server = await ShelvesAsync();
        await using var engine = Crawls.Engine();
        var options = OptionsFor(server, engine);
        var path = Path.Combine(Path.GetTempPath(), $"shelf-{Guid.NewGuid():N}.jsonl");
        options.OutputPath = path;

        try
        {
            var summary = await ShelfScraper.ScrapeAsync(options).WaitAsync(Crawls.Bound);

            summary.Items.ShouldBe(2);
            var titles = (await File.ReadAllLinesAsync(path)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("title").GetString()).Order(StringComparer.Ordinal);
            titles.ShouldBe(["Dune", "Emma"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
