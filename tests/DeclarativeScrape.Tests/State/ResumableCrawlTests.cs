using System.Text.Json;
using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests;

/// <summary>Crawls with a state directory against a real server: stopped, resumed, finished, resumed again.</summary>
public sealed class ResumableCrawlTests : IDisposable
{
    private const int Products = 60;
    private readonly StateFixture _state = new();

    public void Dispose() => _state.Dispose();

    /// <summary>Two listing pages of 30 products each.</summary>
    private static async Task<TestServer> ShopAsync()
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml([.. Enumerable.Range(0, 30).Select(i => ShopPlan.Product($"/p/{i}")), ShopPlan.Next("/page2")]))
              .MapHtml("/page2", ShopPlan.ListingHtml([.. Enumerable.Range(30, 30).Select(i => ShopPlan.Product($"/p/{i}"))]));
        for (var i = 0; i < Products; i++)
        {
            server.MapHtml($"/p/{i}", ShopPlan.ProductHtml($"Product {i}", "2.5"));
        }

        return server;
    }

    private ScrapeOptions Options(TestServer server, string output)
    {
        var options = ShopPlan.Options(server.Url("/"));
        options.StateDirectory = _state.Directory;
        options.OutputPath = output;
        options.Concurrency.Max = 2;
        options.Concurrency.PerHost = 2;
        return options;
    }

    private static List<string> Titles(string output) =>
        [.. File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("title").GetString()!)];

    private static IEnumerable<string> AllTitles => Enumerable.Range(0, Products).Select(i => $"Product {i}");

    [Fact]
    public async Task A_stopped_crawl_resumes_where_it_was_and_the_output_holds_every_item_once()
    {
        await using var server = await ShopAsync();
        await using var engine = Crawls.Engine();
        var output = _state.Output();

        // First run: stopped after a few items.
        using (var stop = new CancellationTokenSource())
        {
            var run = engine.Start(ShopPlan.Create(), Options(server, output), stop.Token);
            await using (run)
            {
                var items = 0;
                await foreach (var e in run.ReadEventsAsync().WithCancellation(CancellationToken.None))
                {
                    if (e.TryGetItem(out _) && ++items == 5)
                    {
                        await stop.CancelAsync();
                    }
                }

                var first = await run.Completion.WaitAsync(Crawls.Bound);
                first.Completed.ShouldBeFalse();
                first.Reconciles.ShouldBeTrue();
                first.Items.ShouldBeLessThan(Products);
            }
        }

        var partial = Titles(output);
        partial.ShouldBeUnique();

        // Second run: the rest.
        var result = await Crawls.RunAsync(engine, Options(server, output));

        result.ShouldReconcile();
        result.Summary.Completed.ShouldBeTrue();
        var resumed = result.Summary.Resumed.ShouldNotBeNull();
        resumed.EarlierRuns.ShouldBe(1);
        resumed.Items.ShouldBe(partial.Count);
        resumed.Carried.ShouldBeGreaterThan(0);
        result.Items.Select(i => i.Title).ShouldNotContain(t => partial.Contains(t), "committed items are not streamed again");
        Titles(output).Order(StringComparer.Ordinal).ShouldBe(AllTitles.Order(StringComparer.Ordinal));
        result.OutcomeOf(server.Url("/")).SkipReason.ShouldBe(SkipReason.Duplicate, "the start URL was done by the first run");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_item_that_cannot_be_written_fails_its_page_and_the_crawl_goes_on(bool withState)
    {
        await using var server = await ShopAsync();
        await using var engine = Crawls.Engine();
        var output = _state.Output();
        var options = Options(server, output);
        options.StateDirectory = withState ? _state.Directory : null;

        var result = await Crawls.RunAsync(engine, options, ShopPlan.Create(format: new ShopPlan.FormatFailingFor("Product 7")));

        result.ShouldReconcile();
        result.Summary.Completed.ShouldBeTrue();
        var failed = result.OutcomeOf(server.Url("/p/7"));
        (failed.Kind, failed.FailureReason).ShouldBe((OutcomeKind.Failed, FailureReason.Extraction));
        failed.Message.ShouldBe("its item could not be written to the output (FormatException: 'Product 7' cannot be formatted)");
        result.Summary.Failed.ShouldBe(1);
        result.Items.Select(i => i.Title).ShouldNotContain("Product 7", "an item that is not written is not streamed either");
        Titles(output).Order(StringComparer.Ordinal).ShouldBe(AllTitles.Where(t => t != "Product 7").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Resuming_a_finished_crawl_does_no_work_and_repeats_no_item()
    {
        await using var server = await ShopAsync();
        await using var engine = Crawls.Engine();
        var output = _state.Output();
        var first = await Crawls.RunAsync(engine, Options(server, output));
        first.Summary.Items.ShouldBe(Products);
        var before = await File.ReadAllBytesAsync(output);
        var hits = server.TotalHits;

        var again = await Crawls.RunAsync(engine, Options(server, output));

        again.ShouldReconcile();
        again.Summary.Completed.ShouldBeTrue();
        again.Summary.Processed.ShouldBe(0);
        again.Items.ShouldBeEmpty();
        again.Summary.Resumed!.Items.ShouldBe(Products);
        again.Summary.Resumed.Carried.ShouldBe(0);
        server.TotalHits.ShouldBe(hits, "nothing fetched");
        (await File.ReadAllBytesAsync(output)).ShouldBe(before);
    }

    [Fact]
    public async Task A_second_run_on_a_state_in_use_is_refused_at_start()
    {
        await using var server = await ShopAsync();
        await using var engine = Crawls.Engine();
        using var stop = new CancellationTokenSource();
        var first = engine.Start(ShopPlan.Create(), Options(server, _state.Output()), stop.Token);
        await using (first)
        {
            var error = Should.Throw<ScrapeOptionsException>(() => engine.Start(ShopPlan.Create(), Options(server, _state.Output("other.jsonl"))));

            error.OptionName.ShouldBe("StateDirectory");
            error.Message.ShouldContain("in use");
            await stop.CancelAsync();
        }
    }
}
