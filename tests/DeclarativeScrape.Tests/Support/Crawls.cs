using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests;

/// <summary>Helpers shared by the crawl tests.</summary>
public static class Crawls
{
    /// <summary>The bound on any one crawl in a test: a hang fails the test instead of blocking the suite.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Runs a crawl to the end and collects its events; fails when it does not end within <see cref="Bound"/>.</summary>
    public static async Task<CrawlResult> RunAsync(ScrapeEngine engine, ScrapeOptions options, CrawlPlan<Product>? plan = null, CancellationToken cancellationToken = default)
    {
        var run = engine.Start(plan ?? ShopPlan.Create(), options, cancellationToken);
        await using (run)
        {
            var items = new List<Product>();
            var outcomes = new List<UrlOutcome>();
            var read = Task.Run(async () =>
            {
                await foreach (var e in run.ReadEventsAsync())
                {
                    if (e.TryGetItem(out var item))
                    {
                        items.Add(item);
                    }
                    else
                    {
                        outcomes.Add(e.Outcome!);
                    }
                }
            });
            var summary = await run.Completion.WaitAsync(Bound);
            await read.WaitAsync(Bound);
            return new CrawlResult(summary, items, outcomes);
        }
    }

    /// <summary>
    /// Runs a small crawl on <paramref name="engine"/> against a server of its own, so that a test measuring times
    /// afterwards does not measure the process's first requests (JIT compilation, first connections).
    /// </summary>
    public static async Task WarmUpAsync(ScrapeEngine engine)
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/p/1"), ShopPlan.Product("/p/2")))
              .MapHtml("/p/1", ShopPlan.ProductHtml("Warm"))
              .MapHtml("/p/2", ShopPlan.ProductHtml("Up"));
        var options = ShopPlan.Options(server.Url("/"));
        options.Robots.Obey = true;   // robots.txt's path too (a 404 here)
        (await RunAsync(engine, options)).Items.Count.ShouldBe(2, "the warm-up crawl works");
    }

    /// <summary>A new engine for one test (its own pool and host limits).</summary>
    public static ScrapeEngine Engine(TimeProvider? time = null, int parseWorkers = 2) =>
        new(new EngineOptions { TimeProvider = time, ParseWorkers = parseWorkers });

    /// <summary>The one outcome of <paramref name="url"/>.</summary>
    public static UrlOutcome OutcomeOf(this CrawlResult result, Uri url) =>
        result.Outcomes.Where(o => o.Url == url.AbsoluteUri).ShouldHaveSingleItem($"one outcome for {url}");

    /// <summary>Asserts the summary reconciles with the streamed outcomes.</summary>
    public static void ShouldReconcile(this CrawlResult result)
    {
        result.Summary.Reconciles.ShouldBeTrue($"discovered {result.Summary.Discovered} != processed {result.Summary.Processed} + skipped {result.Summary.Skipped} + failed {result.Summary.Failed}");
        result.Outcomes.Count.ShouldBe((int)result.Summary.Discovered);
        result.Outcomes.Count(o => o.Kind == OutcomeKind.Processed).ShouldBe((int)result.Summary.Processed);
        result.Items.Count.ShouldBe((int)result.Summary.Items);
    }
}

/// <summary>What a test crawl produced.</summary>
public sealed record CrawlResult(ScrapeSummary Summary, List<Product> Items, List<UrlOutcome> Outcomes);
