using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Browser.Tests;

/// <summary>[Render] scrapers crawling the demo script shop with the system's Chromium, compared with the ground truth.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RenderCrawlTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Always_renders_every_page_and_extracts_every_product_item_for_item()
    {
        var site = fixture.Site;
        var before = Snapshot(site);
        var options = RenderedShopScraper.CreateOptions();
        options.StartUrls = [site.StartUrl];
        options.Renderer = fixture.Renderer;
        using var bound = new CancellationTokenSource(Bound);

        var run = RenderedShopScraper.Start(options, bound.Token);
        var items = new List<RenderedProduct>();
        var outcomes = new List<UrlOutcome>();
        await foreach (var e in run.ReadEventsAsync(bound.Token))
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

        var summary = await run.Completion;
        summary.Completed.ShouldBeTrue();
        summary.Reconciles.ShouldBeTrue();
        summary.Failed.ShouldBe(0, string.Join("\n", summary.Failures));
        AssertMatchesGroundTruth(site, items.Select(p => (p.Url, p.Title, p.Price, p.Sku)));

        var processed = outcomes.Where(o => o.Kind == OutcomeKind.Processed).ToList();
        processed.Count.ShouldBe(site.Products.Count + site.ListingPageCount);
        processed.ShouldAllBe(o => o.Render == RenderDecision.Rendered);
        summary.Rendering!.Rendered.ShouldBe(processed.Count);
        summary.Rendering.RenderedWhenNeeded.ShouldBe(0);

        // Scope, robots.txt and blocked resource types apply to the rendered pages' own requests.
        var after = Snapshot(site);
        (after.Script - before.Script).ShouldBeGreaterThan(0);
        (after.Tracker - before.Tracker).ShouldBe(0);
        (after.Private - before.Private).ShouldBe(0);
        (after.Image - before.Image).ShouldBe(0);
        summary.Rendering.SubresourcesBlocked.ShouldBeGreaterThanOrEqualTo(2 * site.ListingPageCount);
        summary.Rendering.SubresourcesAllowed.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task When_needed_renders_exactly_the_pages_whose_static_html_lacks_a_required_value()
    {
        var site = fixture.Site;
        var options = MixedShopScraper.CreateOptions();
        options.StartUrls = [site.StartUrl];
        options.Renderer = fixture.Renderer;
        using var bound = new CancellationTokenSource(Bound);

        var run = MixedShopScraper.Start(options, bound.Token);
        var items = new List<MixedProduct>();
        var decisions = new Dictionary<string, RenderDecision>();
        await foreach (var e in run.ReadEventsAsync(bound.Token))
        {
            if (e.TryGetItem(out var item))
            {
                items.Add(item);
            }
            else if (e.Outcome is { PageType: nameof(MixedProduct), Kind: OutcomeKind.Processed } outcome)
            {
                decisions[outcome.Url] = outcome.Render;
            }
        }

        var summary = await run.Completion;
        summary.Failed.ShouldBe(0, string.Join("\n", summary.Failures));
        AssertMatchesGroundTruth(site, items.Select(p => (p.Url, p.Title, p.Price, p.Sku)));
        foreach (var product in site.Products)
        {
            decisions[product.Url.AbsoluteUri].ShouldBe(product.ScriptOnly ? RenderDecision.RenderedWhenNeeded : RenderDecision.StaticSufficed, product.Url.AbsoluteUri);
        }

        var scriptOnly = site.Products.Count(p => p.ScriptOnly);
        scriptOnly.ShouldBeGreaterThan(0);
        summary.Rendering!.RenderedWhenNeeded.ShouldBe(scriptOnly);
        summary.Rendering.StaticSufficed.ShouldBe(site.Products.Count - scriptOnly);
        summary.Rendering.Rendered.ShouldBe(scriptOnly + site.ListingPageCount);
    }

    [Fact]
    public async Task A_load_more_button_is_clicked_until_it_is_gone()
    {
        var options = MoreScraper.CreateOptions();
        options.StartUrls = [fixture.Site.MoreUrl];
        options.Renderer = fixture.Renderer;
        using var bound = new CancellationTokenSource(Bound);

        var pages = new List<MorePage>();
        await foreach (var page in MoreScraper.RunAsync(options, bound.Token))
        {
            pages.Add(page);
        }

        pages.Count.ShouldBe(1);
        pages[0].Items.ShouldBe(ScriptShopSite.MoreItems);
    }

    [Fact]
    public async Task A_script_condition_and_a_fixed_wait_see_a_page_that_settles_on_timers()
    {
        var condition = ScriptConditionScraper.CreateOptions();
        condition.StartUrls = [fixture.Site.LaterUrl];
        condition.Renderer = fixture.Renderer;
        var fixedWait = FixedWaitScraper.CreateOptions();
        fixedWait.StartUrls = [fixture.Site.LaterUrl];
        fixedWait.Renderer = fixture.Renderer;
        using var bound = new CancellationTokenSource(Bound);

        var flags = await ScriptConditionScraper.RunAsync(condition, bound.Token).Select(p => p.Flag).ToListAsync(bound.Token);
        var statuses = await FixedWaitScraper.RunAsync(fixedWait, bound.Token).Select(p => p.Status).ToListAsync(bound.Token);

        flags.ShouldBe(["ready"]);      // set with window.shopReady, 1.5 s after load
        statuses.ShouldBe(["ready"]);   // set 0.1 s after load, well within the fixed 3 s
    }

    [Fact]
    public async Task A_page_that_never_settles_times_out_as_a_recorded_failure_and_a_crashing_page_fails_without_ending_the_crawl()
    {
        var site = fixture.Site;
        var options = StubbornScraper.CreateOptions();
        options.StartUrls = [site.NeverUrl, site.CrashUrl, site.Url("/index.html")];
        options.Renderer = fixture.Renderer;
        using var bound = new CancellationTokenSource(Bound);

        var summary = await StubbornScraper.ScrapeAsync(options, bound.Token);

        summary.Completed.ShouldBeTrue();
        summary.Reconciles.ShouldBeTrue();
        summary.Processed.ShouldBe(1, string.Join("\n", summary.Failures));
        summary.Items.ShouldBe(1);
        var never = summary.Failures.Single(f => f.Url == site.NeverUrl.AbsoluteUri);
        never.FailureReason.ShouldBe(FailureReason.Timeout);
        never.Message.ShouldNotBeNull().ShouldContain("did not settle within 8 s");
        never.Render.ShouldBe(RenderDecision.Rendered);
        var crash = summary.Failures.Single(f => f.Url == site.CrashUrl.AbsoluteUri);
        crash.FailureReason.ShouldBe(FailureReason.Render);
        crash.Message.ShouldNotBeNull().ShouldContain("crash");
        summary.Rendering!.Retried.ShouldBe(ChromiumOptions.DefaultRenderAttempts - 1);
    }

    [Fact]
    public async Task A_run_of_a_render_scraper_without_a_renderer_is_refused_at_start_up()
    {
        var options = RenderedShopScraper.CreateOptions();
        options.StartUrls = [fixture.Site.StartUrl];

        var error = Should.Throw<ScrapeOptionsException>(() => RenderedShopScraper.Start(options));

        error.OptionName.ShouldBe("Renderer");
        error.Message.ShouldContain("RenderedListing");
        error.Message.ShouldContain("DeclarativeScrape.Browser");
        await Task.CompletedTask;
    }

    internal static void AssertMatchesGroundTruth(ScriptShopSite site, IEnumerable<(Uri Url, string Title, decimal Price, string Sku)> items)
    {
        var byUrl = items.ToDictionary(i => i.Url.AbsoluteUri);
        byUrl.Count.ShouldBe(site.Products.Count);
        foreach (var product in site.Products)
        {
            byUrl.TryGetValue(product.Url.AbsoluteUri, out var item).ShouldBeTrue(product.Url.AbsoluteUri);
            item.Title.ShouldBe(product.Title);
            item.Price.ShouldBe(product.Price);
            item.Sku.ShouldBe(product.Sku);
        }
    }

    private static (int Script, int Tracker, int Private, int Image) Snapshot(ScriptShopSite site) =>
        (site.Traffic.HitsOf("/static/shop.js"), site.Traffic.HitsOf(ScriptShopSite.OtherHostScriptPath), site.Traffic.HitsOf(ScriptShopSite.DisallowedPath), site.Traffic.HitsOf(ScriptShopSite.ImagePath));
}
