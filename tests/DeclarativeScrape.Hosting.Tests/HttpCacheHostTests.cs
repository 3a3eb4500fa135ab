using System.Text.Json;
using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Hosting.Tests;

/// <summary><c>--http-cache</c> end to end: the host's crawl on a real Kestrel site, twice, requests counted at the server.</summary>
public sealed class HttpCacheHostTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ds-host-httpcache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_second_run_replays_the_first_without_asking_the_site_and_the_summary_says_so()
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", "<html><body><h1>Dune</h1></body></html>");
        string[] args = ["--url", server.Url("/").AbsoluteUri, "--http-cache", _directory, "--out", "-"];

        var first = new TestConsole();
        (await first.RunAsync(args, TitlePlan())).ShouldBe(ExitCodes.Success);
        var asked = server.TotalHits;
        asked.ShouldBe(2, "robots.txt (a 404) and the page");

        var second = new TestConsole();
        (await second.RunAsync(args, TitlePlan())).ShouldBe(ExitCodes.Success);

        server.TotalHits.ShouldBe(asked, "the second run asked the site nothing");
        System.Text.Encoding.UTF8.GetString(second.StandardOutput.ToArray()).ShouldBe("{\"title\":\"Dune\"}\n");
        first.Error.ToString().ShouldContain("http cache 0 hits (replayed, the site not asked), 2 misses (2 kept, 0 evicted) in " + Path.GetFullPath(_directory));
        second.Error.ToString().ShouldContain("http cache 2 hits (replayed, the site not asked), 0 misses");
        var cache = Result(second).GetProperty("httpCache");
        cache.GetProperty("hits").GetInt64().ShouldBe(2);
        cache.GetProperty("misses").GetInt64().ShouldBe(0);
        cache.GetProperty("directory").GetString().ShouldBe(Path.GetFullPath(_directory));
    }

    [Fact]
    public async Task Without_the_flag_the_summary_has_no_cache()
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", "<html><body><h1>Dune</h1></body></html>");
        var console = new TestConsole();

        (await console.RunAsync(["--url", server.Url("/").AbsoluteUri, "--no-robots"], TitlePlan())).ShouldBe(ExitCodes.Success);

        console.Error.ToString().ShouldNotContain("http cache");
        Result(console).TryGetProperty("httpCache", out _).ShouldBeFalse();
    }

    private static JsonElement Result(TestConsole console)
    {
        var line = console.Error.ToString().Split(Environment.NewLine).Last(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        return JsonDocument.Parse(line["RESULT ".Length..]).RootElement;
    }

    /// <summary>The test plan with one item page type whose title is its <c>h1</c>, allowed on any host it is started at.</summary>
    private static CrawlPlan<TestItem> TitlePlan() => new(
        TestPlans.Name,
        [new PageType<TestItem>(typeof(TestPage), nameof(TestPage), ExtractTitle, isItem: true)],
        TestPlans.Plan().Format,
        "fingerprint",
        () => new ScrapeOptions());

    private static bool ExtractTitle(AngleSharp.Dom.IDocument document, ExtractionContext context, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TestItem item)
    {
        item = document.QuerySelector("h1")?.TextContent is { } title ? new TestItem(title) : null;
        return item is not null;
    }
}
