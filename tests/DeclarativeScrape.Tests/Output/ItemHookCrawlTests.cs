using System.Text.Json;
using DeclarativeScrape.Tests.EndToEnd;
using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests.Output;

/// <summary>
/// The plan's item hook, crawled against a real server: it filters and transforms what reaches the output file, the
/// state directory and the run's readers; a hook that throws fails only its page; a slow hook holds the crawl back
/// (back-pressure) instead of letting fetched pages pile up.
/// </summary>
public sealed class ItemHookCrawlTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_hook_drops_and_transforms_items_before_the_output_the_state_and_the_readers_see_them(bool stateDirectory)
    {
        var directory = Directory.CreateTempSubdirectory("ds-hook-");
        try
        {
            await using var server = await SiteAsync(8);
            var sources = new System.Collections.Concurrent.ConcurrentBag<ItemSource>();
            var plan = StallScraper.Plan
                .WithItemHook((item, source, ct) =>
                {
                    sources.Add(source);
                    return ValueTask.FromResult(item.Code == "C3" ? null : item);
                })
                .WithItemHook((item, source, ct) => ValueTask.FromResult<StallItem?>(item with { Name = item.Name.ToUpperInvariant() }));
            var options = Options(server, directory, stateDirectory);

            var (events, summary) = await RunAsync(plan, options);

            var expected = new[] { 1, 2, 4, 5, 6, 7, 8 }.Select(i => $"ITEM {i}").ToList();
            events.Select(e => e.TryGetItem(out var item) ? item.Name : null).OfType<string>().Order(StringComparer.Ordinal).ShouldBe(expected);
            var written = (await File.ReadAllLinesAsync(options.OutputPath!))
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("name").GetString())
                .Order(StringComparer.Ordinal);
            written.ShouldBe(expected);
            summary.Items.ShouldBe(7);
            summary.ItemsDropped.ShouldBe(1);
            summary.Processed.ShouldBe(9);   // the dropped item's page was processed; only its item is gone
            summary.Failed.ShouldBe(0);
            summary.Reconciles.ShouldBeTrue();

            // The first hook saw every item once, with the page it came from.
            sources.Count.ShouldBe(8);
            var third = sources.Single(s => s.Url == server.Url("/i/3"));
            third.PageType.ShouldBe(nameof(StallItem));
            third.Depth.ShouldBe(1);
            third.FinalUrl.ShouldBe(server.Url("/i/3"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_hook_that_throws_fails_its_page_and_the_crawl_goes_on()
    {
        var directory = Directory.CreateTempSubdirectory("ds-hook-");
        try
        {
            await using var server = await SiteAsync(8);
            var plan = StallScraper.Plan.WithItemHook((item, source, ct) =>
                item.Code == "C5" ? throw new InvalidOperationException("the warehouse is closed") : ValueTask.FromResult<StallItem?>(item));
            var options = Options(server, directory, stateDirectory: false);

            var (events, summary) = await RunAsync(plan, options);

            var failed = events.Where(e => e.IsOutcome && e.Outcome!.Kind == OutcomeKind.Failed).Select(e => e.Outcome!).ShouldHaveSingleItem();
            failed.Url.ShouldBe(server.Url("/i/5").AbsoluteUri);
            failed.FailureReason.ShouldBe(FailureReason.Extraction);
            failed.Message.ShouldBe("the item hook threw InvalidOperationException: the warehouse is closed");
            summary.Items.ShouldBe(7);
            summary.Failed.ShouldBe(1);
            summary.Reconciles.ShouldBeTrue();
            (await File.ReadAllLinesAsync(options.OutputPath!)).Length.ShouldBe(7);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_slow_hook_holds_the_crawl_back_and_every_item_arrives_when_it_goes_on()
    {
        const int items = 60;
        var directory = Directory.CreateTempSubdirectory("ds-hook-");
        try
        {
            await using var server = await SiteAsync(items);
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var exceeded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var pending = 0;
            var options = Options(server, directory, stateDirectory: false);
            const int parseWorkers = 2;
            var bound = options.Concurrency.Max + parseWorkers;   // pages completing in the background, and one per parse worker
            var plan = StallScraper.Plan.WithItemHook(async (item, source, ct) =>
            {
                var now = Interlocked.Increment(ref pending);
                if (now == bound)
                {
                    full.TrySetResult();
                }
                else if (now > bound)
                {
                    exceeded.TrySetResult();
                }

                await gate.Task.WaitAsync(ct);
                Interlocked.Decrement(ref pending);
                return item;
            });

            await using var engine = Crawls.Engine(parseWorkers: parseWorkers);
            var run = engine.Start(plan, options);
            await using (run)
            {
                var read = run.ReadItemsAsync().CountAsync().AsTask();
                await full.Task.WaitAsync(Crawls.Bound);

                // Held: no more hooks start, and the server stops seeing requests well before the site is fetched.
                (await Task.WhenAny(exceeded.Task, Task.Delay(TimeSpan.FromSeconds(1)))).ShouldNotBe(exceeded.Task, "more hooks pending than the run's concurrency and parse workers");
                server.TotalHits.ShouldBeLessThan(items + 1, "the crawl fetched the whole site while its items could not be handed on");

                gate.SetResult();
                (await read.WaitAsync(Crawls.Bound)).ShouldBe(items);
                var summary = await run.Completion.WaitAsync(Crawls.Bound);
                summary.Items.ShouldBe(items);
                summary.Reconciles.ShouldBeTrue();
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static ScrapeOptions Options(TestServer server, DirectoryInfo directory, bool stateDirectory)
    {
        var options = StallScraper.CreateOptions();
        options.StartUrls.Clear();
        options.StartUrls.Add(server.Url("/"));
        options.Robots.Obey = false;
        options.OutputPath = Path.Combine(directory.FullName, "items.jsonl");
        options.StateDirectory = stateDirectory ? Path.Combine(directory.FullName, "state") : null;
        return options;
    }

    private static async Task<(List<ScrapeEvent<StallItem>> Events, ScrapeSummary Summary)> RunAsync(CrawlPlan<StallItem> plan, ScrapeOptions options)
    {
        await using var engine = Crawls.Engine();
        var run = engine.Start(plan, options);
        await using (run)
        {
            var events = await run.ReadEventsAsync().ToListAsync().AsTask().WaitAsync(Crawls.Bound);
            return (events, await run.Completion.WaitAsync(Crawls.Bound));
        }
    }

    private static async Task<TestServer> SiteAsync(int count)
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/", "<html><body>" + string.Concat(Enumerable.Range(1, count).Select(i => $"<a class=item href='/i/{i}'>{i}</a>")) + "</body></html>");
        for (var i = 1; i <= count; i++)
        {
            server.MapHtml($"/i/{i}", $"<html><body><h1>Item {i}</h1><p class=code>C{i}</p><p class=label>L{i}</p></body></html>");
        }

        return server;
    }
}
