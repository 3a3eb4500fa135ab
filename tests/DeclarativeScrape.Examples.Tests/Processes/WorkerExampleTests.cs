using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary><c>examples/Worker</c>: a scraper in the Generic Host, configured by appsettings.json, environment and command line.</summary>
[Collection(ExampleProcesses.Name)]
public sealed class WorkerExampleTests : IDisposable
{
    private const string StartUrlArgument = "--DeclarativeScrape:Scrapers:BookstoreScraper:StartUrls:0=";

    /// <summary>One log line per message (the console logger's simple format), so a test can count them.</summary>
    private static readonly Dictionary<string, string?> SingleLineLogs = new()
    {
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
    };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task It_takes_its_limit_from_the_environment_and_its_site_from_the_command_line_logs_each_book_and_exits_0()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 60 });
        var environment = new Dictionary<string, string?>(SingleLineLogs) { ["DeclarativeScrape__Scrapers__BookstoreScraper__Limits__MaxPages"] = "12" };

        await using var child = ChildProcess.Start(Example.Worker, _temp.Path, environment, StartUrlArgument + site.StartUrl.AbsoluteUri);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        var books = child.Output.Where(l => l.Contains("DeclarativeScrape.Examples.Worker.PriceLog", StringComparison.Ordinal)).ToList();
        books.Count.ShouldBeInRange(1, 11, "MaxPages = 12 from the environment (appsettings.json says 60): the first listing page and at most 11 books");
        var titles = site.Books.Select(b => b.Title).ToHashSet();
        books.ShouldAllBe(l => titles.Any(t => l.Contains(t + ": ", StringComparison.Ordinal)));
        child.Output.ShouldContain(l => l.Contains($"BookstoreScraper finished: {books.Count} items", StringComparison.Ordinal), child.Transcript());
        site.Books.Sum(b => site.Traffic.HitsOf(b.Url.AbsolutePath)).ShouldBe(books.Count);
    }

    [Fact]
    public async Task Sigterm_drains_the_requests_in_flight_sends_nothing_new_and_exits_0()
    {
        // Slow answers: a crawl of 2,000 books is far from done when the signal comes.
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { Latency = TimeSpan.FromMilliseconds(300) });
        var environment = new Dictionary<string, string?>(SingleLineLogs) { ["DeclarativeScrape__Scrapers__BookstoreScraper__Limits__MaxPages"] = "0" };
        await using var child = ChildProcess.Start(Example.Worker, _temp.Path, environment, StartUrlArgument + site.StartUrl.AbsoluteUri);
        await child.WaitForOutputLineAsync(l => l.Contains("PriceLog", StringComparison.Ordinal), ChildProcess.DefaultTimeout);

        child.Signal(ChildProcess.SigTerm);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        child.Output.ShouldContain(l => l.Contains("BookstoreScraper sends no new requests", StringComparison.Ordinal), child.Transcript());
        child.Output.ShouldContain(l => l.Contains("BookstoreScraper stopped: ", StringComparison.Ordinal), child.Transcript());
        child.Output.ShouldNotContain(l => l.Contains("shutdown timeout ran out", StringComparison.Ordinal), child.Transcript());
    }

    [Fact]
    public async Task A_bad_value_on_the_command_line_stops_the_start_naming_its_configuration_key()
    {
        await using var child = ChildProcess.Start(Example.Worker, _temp.Path, "--DeclarativeScrape:Scrapers:BookstoreScraper:Concurrency:PerHost=0");
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldNotBe(0, child.Transcript());
        child.Error.ShouldContain(l => l.Contains("Option 'DeclarativeScrape:Scrapers:BookstoreScraper:Concurrency:PerHost' (Concurrency.PerHost)", StringComparison.Ordinal), child.Transcript());
    }

    [Fact]
    public async Task With_the_console_exporter_it_prints_spans_and_metrics_named_by_the_semantic_conventions()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 20 });
        var environment = new Dictionary<string, string?> { ["DeclarativeScrape__Scrapers__BookstoreScraper__Limits__MaxPages"] = "3" };

        await using var child = ChildProcess.Start(Example.Worker, _temp.Path, environment, StartUrlArgument + site.StartUrl.AbsoluteUri, "--Telemetry:Console=true");
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        var output = string.Join('\n', child.Output);
        output.ShouldContain("Activity.DisplayName:        GET");
        output.ShouldContain("server.address: 127.0.0.1");
        output.ShouldContain("http.response.status_code: 200");
        output.ShouldContain($"url.full: {site.StartUrl.AbsoluteUri}");
        output.ShouldContain("Metric Name: declarativescrape.requests");
        output.ShouldContain("Metric Name: declarativescrape.request.duration");
    }
}
