using System.Text.Json;
using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests.EndToEnd;

// A scraper as users write it (the real generator emits it), crawled against a real server: one page of it breaks
// in one stage at a time, and the crawl must go on without it.

[Scraper(StartUrl = "http://127.0.0.1:1/", StartPage = typeof(StallPage))]
[Concurrency(Max = 4, PerHost = 4)]
[Retry(MaxAttempts = 1)]
public static partial class StallScraper;

[Page]
public partial class StallPage
{
    [Follow("a.item")] public IReadOnlyList<Link<StallItem>> Items { get; init; } = [];
}

[Page, Item]
public partial record StallItem
{
    [Text("h1")] public required string Name { get; init; }

    [Text("p.code"), Convert(typeof(StallCodes), nameof(StallCodes.Parse))] public required string Code { get; init; }

    [Text("p.label"), Convert(typeof(StallLabel), nameof(StallLabel.Parse))] public StallLabel? Label { get; init; }

    [Follow("a.related")] public IReadOnlyList<Link<StallItem>> Related { get; init; } = [];
}

/// <summary>A user converter that rejects one code.</summary>
public static class StallCodes
{
    public static string Parse(string value) => value == "BOOM" ? throw new FormatException($"code '{value}' is rejected") : value;
}

/// <summary>A user type whose output form throws for one value (its page's item cannot be written).</summary>
public sealed record StallLabel(string Value)
{
    public static StallLabel Parse(string value) => new(value);

    public override string ToString() => Value == "EXPLODE" ? throw new InvalidOperationException("this label cannot be written") : Value;
}

/// <summary>
/// No page can end a crawl: an exception in each per-page stage in turn (decoding, parsing, the extractor, a user
/// converter, link resolution, encoding the item for the output) fails that one page with its reason, and every other
/// page is still processed, counted and written, with and without a state directory.
/// </summary>
public sealed class PageStageFaultTests
{
    private const int ItemCount = 8;
    private const int Broken = 5;

    public enum Stage
    {
        Decode,
        Parse,
        Extract,
        Convert,
        ResolveLinks,
        EncodeOutput,
    }

    public static TheoryData<Stage, bool> Cases()
    {
        var cases = new TheoryData<Stage, bool>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            cases.Add(stage, false);
            cases.Add(stage, true);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_stage_that_throws_fails_its_page_and_the_crawl_goes_on(Stage stage, bool stateDirectory)
    {
        var directory = Directory.CreateTempSubdirectory("ds-stage-");
        try
        {
            await using var server = await SiteAsync(stage);
            await using var engine = Crawls.Engine();
            var options = StallScraper.CreateOptions();
            options.StartUrls.Clear();
            options.StartUrls.Add(server.Url("/"));
            options.Robots.Obey = false;
            options.Engine = engine;
            options.OutputPath = Path.Combine(directory.FullName, "items.jsonl");
            options.StateDirectory = stateDirectory ? Path.Combine(directory.FullName, "state") : null;
            var broken = server.Url($"/i/{Broken}");
            options.PageStageProbe = stage switch
            {
                Stage.Decode => Throw(PageStage.Decode, broken),
                Stage.Parse => Throw(PageStage.Parse, broken),
                Stage.Extract => Throw(PageStage.Extract, broken),
                Stage.ResolveLinks => Throw(PageStage.ResolveLinks, broken),
                _ => null,   // Convert and EncodeOutput break through the page's own content
            };

            var run = StallScraper.Start(options);
            List<ScrapeEvent<StallItem>> events;
            ScrapeSummary summary;
            await using (run)
            {
                events = await run.ReadEventsAsync().ToListAsync().AsTask().WaitAsync(Crawls.Bound);
                summary = await run.Completion.WaitAsync(Crawls.Bound);
            }

            var expectedNames = Enumerable.Range(1, ItemCount).Where(i => i != Broken).Select(i => $"Item {i}").ToList();
            var outcomes = events.Where(e => e.IsOutcome).Select(e => e.Outcome!).ToList();
            var failed = outcomes.Where(o => o.Kind == OutcomeKind.Failed).ShouldHaveSingleItem();
            failed.Url.ShouldBe(broken.AbsoluteUri);
            failed.FailureReason.ShouldBe(FailureReason.Extraction);
            var reason = failed.Message + " " + string.Join(" ", failed.ExtractionFailures.Select(f => f.Message));
            reason.ShouldContain(stage switch
            {
                Stage.Decode => "decoding the page threw InvalidOperationException: injected",
                Stage.Parse => "parsing the page threw InvalidOperationException: injected",
                Stage.Extract => "the extractor of StallItem threw InvalidOperationException: injected",
                Stage.Convert => "code 'BOOM' is rejected",
                Stage.ResolveLinks => "resolving the links of the page threw InvalidOperationException: injected",
                _ => "this label cannot be written",
            });

            // Every other page: processed once, its item streamed, counted and in the output file.
            events.Select(e => e.TryGetItem(out var item) ? item.Name : null).OfType<string>().Order(StringComparer.Ordinal).ShouldBe(expectedNames);
            foreach (var i in Enumerable.Range(1, ItemCount).Where(i => i != Broken))
            {
                outcomes.Count(o => o.Url == server.Url($"/i/{i}").AbsoluteUri && o.Kind == OutcomeKind.Processed).ShouldBe(1, $"item {i}");
            }

            summary.Completed.ShouldBeTrue();
            summary.Processed.ShouldBe(ItemCount);   // the listing and every item but the broken one
            summary.Failed.ShouldBe(1);
            summary.Items.ShouldBe(ItemCount - 1);
            summary.Reconciles.ShouldBeTrue($"discovered {summary.Discovered} = processed {summary.Processed} + skipped {summary.Skipped} + failed {summary.Failed}");
            outcomes.Count.ShouldBe((int)summary.Discovered);
            var written = (await File.ReadAllLinesAsync(options.OutputPath))
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("name").GetString())
                .Order(StringComparer.Ordinal);
            written.ShouldBe(expectedNames);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Action<PageStage, Uri> Throw(PageStage stage, Uri page) => (at, url) =>
    {
        if (at == stage && url == page)
        {
            throw new InvalidOperationException("injected");
        }
    };

    private static async Task<TestServer> SiteAsync(Stage stage)
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/", "<html><body>" + string.Concat(Enumerable.Range(1, ItemCount).Select(i => $"<a class=item href='/i/{i}'>{i}</a>")) + "</body></html>");
        for (var i = 1; i <= ItemCount; i++)
        {
            var code = i == Broken && stage == Stage.Convert ? "BOOM" : $"C{i}";
            var label = i == Broken && stage == Stage.EncodeOutput ? "EXPLODE" : $"L{i}";
            server.MapHtml($"/i/{i}", $"<html><body><h1>Item {i}</h1><p class=code>{code}</p><p class=label>{label}</p><a class=related href='/i/{(i % ItemCount) + 1}'>next</a></body></html>");
        }

        return server;
    }
}
