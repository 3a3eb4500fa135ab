using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Browser.Tests;

/// <summary>The renderer's own bounds: a crashed browser loses no URL, subresources wait for their host's slot, a missing browser is a start-up error.</summary>
/// <remarks>In the browser collection: its tests run one at a time, so two Chromiums never compete for the two cores.</remarks>
[Collection(BrowserCollection.Name)]
public sealed class BrowserRecoveryTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task A_browser_that_crashes_mid_crawl_is_restarted_and_its_pages_are_retried_so_no_url_is_lost()
    {
        await using var site = await ScriptShopSite.StartAsync(new ScriptShopSiteOptions { ProductCount = 40 });
        await using var renderer = new ChromiumRenderer(new ChromiumOptions { MaxConcurrency = 4, RenderAttempts = 3 });
        var options = RenderedShopScraper.CreateOptions();
        options.StartUrls = [site.StartUrl];
        options.Renderer = renderer;
        using var bound = new CancellationTokenSource(Bound);

        var run = RenderedShopScraper.Start(options, bound.Token);
        var items = new List<RenderedProduct>();
        var crashed = CrashWhenHalfwayAsync(site, renderer, bound.Token);
        try
        {
            await foreach (var item in run.ReadItemsAsync(bound.Token))
            {
                items.Add(item);
            }
        }
        catch (OperationCanceledException)
        {
            var p = run.GetProgress();
            throw new TimeoutException($"the crawl did not finish within {Bound}: {items.Count} items, processed {p.Processed}, failed {p.Failed}, in flight {p.InFlight}, queued {p.Queued}, browsers launched {renderer.BrowserLaunches}, contexts {renderer.ContextsCreated}, crash done {crashed.IsCompleted} ({crashed.Exception?.InnerException?.Message}), site requests {site.Traffic.Requests}, in flight at the site {site.Traffic.InFlight}");
        }

        var summary = await run.Completion;
        await crashed;
        summary.Completed.ShouldBeTrue();
        summary.Reconciles.ShouldBeTrue();
        summary.Failed.ShouldBe(0, string.Join("\n", summary.Failures));
        RenderCrawlTests.AssertMatchesGroundTruth(site, items.Select(p => (p.Url, p.Title, p.Price, p.Sku)));
        renderer.BrowserLaunches.ShouldBeGreaterThanOrEqualTo(2);
        summary.Rendering!.BrowserRestarts.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Subresources_take_their_hosts_slot_so_one_slot_per_host_holds_without_deadlock_and_contexts_are_recycled()
    {
        await using var site = await ScriptShopSite.StartAsync(new ScriptShopSiteOptions { ProductCount = 20 });
        await using var renderer = new ChromiumRenderer(new ChromiumOptions { MaxConcurrency = 4, PagesPerContext = 3 });
        var options = RenderedShopScraper.CreateOptions();
        options.StartUrls = [site.StartUrl];
        options.Renderer = renderer;
        options.Concurrency.Max = 4;
        options.Concurrency.PerHost = 1;
        using var bound = new CancellationTokenSource(Bound);

        var summary = await RenderedShopScraper.ScrapeAsync(options, bound.Token);

        summary.Completed.ShouldBeTrue();
        summary.Failed.ShouldBe(0, string.Join("\n", summary.Failures));
        summary.Items.ShouldBe(20);
        summary.Rendering!.SubresourcesAllowed.ShouldBeGreaterThan(20);
        site.Traffic.PeakInFlight.ShouldBe(1);

        // 21 pages (20 products and a listing), at most 3 per context: at least 7 contexts, where 4 would do without recycling.
        renderer.ContextsCreated.ShouldBeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public void A_missing_browser_is_a_start_up_error_naming_how_to_install_it()
    {
        var error = Should.Throw<ScrapeOptionsException>(() => new ChromiumRenderer(new ChromiumOptions { ExecutablePath = "/nonexistent/chromium" }));

        error.OptionName.ShouldBe("Renderer.ExecutablePath");
        error.Message.ShouldContain("/nonexistent/chromium");
        error.Message.ShouldContain("apt-get install chromium");
    }

    [Theory]
    [InlineData(0, 1, "Renderer.MaxConcurrency")]
    [InlineData(1, 0, "Renderer.PagesPerContext")]
    public void Impossible_options_are_refused_naming_the_option(int concurrency, int pagesPerContext, string option)
    {
        var error = Should.Throw<ScrapeOptionsException>(() => new ChromiumRenderer(new ChromiumOptions { MaxConcurrency = concurrency, PagesPerContext = pagesPerContext }));

        error.OptionName.ShouldBe(option);
    }

    private static async Task CrashWhenHalfwayAsync(ScriptShopSite site, ChromiumRenderer renderer, CancellationToken cancellationToken)
    {
        // Halfway through the product pages' requests (each page also fetches its style sheet, and a fifth of them an API answer).
        await site.Traffic.WhenRequests(site.Products.Count).WaitAsync(cancellationToken);
        await renderer.CrashBrowserAsync();
    }
}
