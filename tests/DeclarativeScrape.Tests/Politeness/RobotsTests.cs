using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests;

public sealed class RobotsTests
{
    private static TestServer Shop(TestServer server, string? robots)
    {
        if (robots is not null)
        {
            server.Map("/robots.txt", Faults.Text(robots, "text/plain"));
        }

        return server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/p/1"), ShopPlan.Product("/private/2"), ShopPlan.Product("/p/3")))
                     .MapHtml("/p/1", ShopPlan.ProductHtml("One"))
                     .MapHtml("/private/2", ShopPlan.ProductHtml("Secret"))
                     .MapHtml("/p/3", ShopPlan.ProductHtml("Three"));
    }

    private static ScrapeOptions Obeying(TestServer server)
    {
        var options = ShopPlan.Options(server.Url("/"));
        options.Robots.Obey = true;
        return options;
    }

    [Fact]
    public async Task Disallowed_urls_are_skipped_and_robots_txt_is_fetched_once_per_engine()
    {
        await using var server = Shop(await TestServer.StartAsync(), "User-agent: *\nDisallow: /private\n");
        await using var engine = Crawls.Engine();

        var first = await Crawls.RunAsync(engine, Obeying(server));
        var second = await Crawls.RunAsync(engine, Obeying(server));

        foreach (var result in new[] { first, second })
        {
            result.OutcomeOf(server.Url("/private/2")).SkipReason.ShouldBe(SkipReason.Robots);
            result.Items.Select(i => i.Title).Order().ShouldBe(["One", "Three"]);
            result.ShouldReconcile();
        }

        server.HitsOf("/private/2").ShouldBe(0);
        server.HitsOf("/robots.txt").ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_robots_txt_allows_everything()
    {
        await using var server = Shop(await TestServer.StartAsync(), robots: null);
        await using var engine = Crawls.Engine();

        var result = await Crawls.RunAsync(engine, Obeying(server));

        result.Items.Count.ShouldBe(3);
        server.HitsOf("/robots.txt").ShouldBe(1);
    }

    [Fact]
    public async Task A_robots_txt_that_keeps_failing_disallows_the_host_with_a_clear_message()
    {
        await using var server = Shop(await TestServer.StartAsync(), robots: null);
        server.Map("/robots.txt", Faults.Status(503));
        var options = Obeying(server);
        options.Retry.MaxAttempts = 2;
        await using var engine = Crawls.Engine();

        var result = await Crawls.RunAsync(engine, options);

        var start = result.OutcomeOf(server.Url("/"));
        start.SkipReason.ShouldBe(SkipReason.Robots);
        start.Message!.ShouldContain("robots.txt");
        start.Message!.ShouldContain("503");
        server.HitsOf("/robots.txt").ShouldBe(2);
        server.HitsOf("/").ShouldBe(0);
        result.ShouldReconcile();
    }

    [Fact]
    public async Task Crawl_delay_spaces_the_requests_to_the_host()
    {
        // The real clock: a crawl cannot run ahead of it. How Crawl-delay and a rate combine is tested on a manual
        // clock in HostGateTests; this proves a crawl takes the delay from robots.txt and keeps to it.
        await using var server = Shop(await TestServer.StartAsync(), "User-agent: *\nCrawl-delay: 0.2\n");
        await using var engine = Crawls.Engine();
        await Crawls.WarmUpAsync(engine);
        var start = server.Clock.GetUtcNow();

        var result = await Crawls.RunAsync(engine, Obeying(server)).WaitAsync(Crawls.Bound);

        result.Items.Count.ShouldBe(3);
        var arrivals = new[] { "/", "/p/1", "/private/2", "/p/3" }.SelectMany(server.HitTimesOf).Order().ToList();
        arrivals.Count.ShouldBe(4); // the listing and three products (no Disallow here)
        arrivals.ShouldArriveNoSoonerThanTheirTokens(start, burst: 1, every: TimeSpan.FromSeconds(0.2));
    }
}
