using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary><c>examples/SharedEngine</c>: two scrapers at once on one engine, sharing one host's limit.</summary>
[Collection(ExampleProcesses.Name)]
public sealed class SharedEngineExampleTests : IDisposable
{
    /// <summary>The example's per-host limit, shared by both scrapers.</summary>
    private const int PerHost = 4;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Both_scrapers_finish_with_every_book_and_together_never_exceed_the_hosts_limit()
    {
        // The latency keeps more requests waiting than the host allows: both runs want slots at once.
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 240, Latency = TimeSpan.FromMilliseconds(20) });

        await using var child = ChildProcess.Start(Example.SharedEngine, _temp.Path, "--url", site.BaseUrl.AbsoluteUri, "--out", _temp.Path);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        child.Output.ShouldContain(l => l.StartsWith("BookstoreScraper: completed", StringComparison.Ordinal), child.Transcript());
        child.Output.ShouldContain(l => l.StartsWith("CategoryPriceScraper: completed", StringComparison.Ordinal), child.Transcript());
        GroundTruth.ShouldBeEveryBook(JsonLines.ReadComplete(_temp.File("books.jsonl")), site);

        var offers = JsonLines.ReadComplete(_temp.File("categories.jsonl"))
            .SelectMany(page => page.GetProperty("offers").EnumerateArray().Select(offer => (Category: page.GetProperty("category").GetString(), Offer: offer)))
            .ToList();
        offers.Select(o => o.Offer.GetProperty("book").GetString())
            .ShouldBe(site.Books.Select(b => b.Url.AbsoluteUri), ignoreOrder: true, "every book is offered once, in its category");
        var books = site.Books.ToDictionary(b => b.Url.AbsoluteUri);
        foreach (var (category, offer) in offers)
        {
            var book = books[offer.GetProperty("book").GetString()!];
            (category, offer.GetProperty("title").GetString(), offer.GetProperty("price").GetDecimal(), offer.GetProperty("rating").GetString())
                .ShouldBe((book.Category, book.Title, book.Price, book.Rating));
        }

        site.Books.ShouldAllBe(book => site.Traffic.HitsOf(book.Url.AbsolutePath) == 1);
        site.Traffic.HitsOf("/robots.txt").ShouldBe(1, "the engine fetches a host's robots.txt once for all its runs");
        site.Traffic.PeakInFlight.ShouldBeInRange(2, PerHost);
    }

    [Fact]
    public async Task Without_a_url_it_crawls_its_embedded_site_and_prints_the_hosts_peak_within_the_limit()
    {
        await using var child = ChildProcess.Start(Example.SharedEngine, _temp.Path);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        child.Output.Count(l => l.Contains(": completed in ", StringComparison.Ordinal)).ShouldBe(2, child.Transcript());
        var peak = child.Output.Single(l => l.StartsWith("Peak requests in flight at 127.0.0.1:", StringComparison.Ordinal));
        int.Parse(peak.Split(": ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, PerHost);
        peak.ShouldEndWith($"(per-host limit {PerHost}, shared by both scrapers)");
    }

    [Fact]
    public async Task An_unknown_argument_exits_with_code_2_naming_it()
    {
        await using var child = ChildProcess.Start(Example.SharedEngine, _temp.Path, "--bogus");
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(2, child.Transcript());
        child.Error.ShouldContain("error: unknown argument '--bogus'.");
    }
}
