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
    public async Task A_robots_txt_that_stays_unreachable_pauses_the_host_and_then_fails_its_urls_with_the_network_reason()
    {
        await using var server = Shop(await TestServer.StartAsync(), robots: null);
        server.Map("/robots.txt", Faults.Status(503));
        var options = Obeying(server);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
        options.Robots.UnreachableTimeout = TimeSpan.FromMilliseconds(400);
        var log = new ListLogger();
        await using var engine = new ScrapeEngine(new EngineOptions { ParseWorkers = 2, LoggerFactory = log });

        var result = await Crawls.RunAsync(engine, options);

        var start = result.OutcomeOf(server.Url("/"));
        start.Kind.ShouldBe(OutcomeKind.Failed, "a robots.txt that cannot be fetched is no robots verdict");
        start.FailureReason.ShouldBe(FailureReason.HttpStatus);
        start.StatusCode.ShouldBe(503);
        start.Message!.ShouldContain("robots.txt");
        start.Message!.ShouldContain("503");
        result.Outcomes.ShouldNotContain(o => o.SkipReason == SkipReason.Robots);
        server.HitsOf("/robots.txt").ShouldBeGreaterThanOrEqualTo(2, "retried with backoff while the host is paused");
        server.HitsOf("/").ShouldBe(0);
        result.ShouldReconcile();
        var warnings = log.Messages.Where(m => m.StartsWith("robots.txt", StringComparison.Ordinal)).ToList();
        warnings.ShouldHaveSingleItem("one warning for the unreachable robots.txt");
        warnings[0].ShouldContain("paused");
    }

    [Fact]
    public async Task A_host_that_refuses_connections_fails_its_urls_as_network_failures_not_robots_skips()
    {
        // A port nothing listens on: bind one, note it, free it.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = ShopPlan.Options(new Uri($"http://127.0.0.1:{port}/"));
        options.Robots.Obey = true;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
        options.Robots.UnreachableTimeout = TimeSpan.FromMilliseconds(200);
        await using var engine = Crawls.Engine();

        var result = await Crawls.RunAsync(engine, options);

        var start = result.Outcomes.ShouldHaveSingleItem();
        start.Kind.ShouldBe(OutcomeKind.Failed);
        start.FailureReason.ShouldBe(FailureReason.Network);
        start.Message!.ShouldContain("robots.txt");
        result.ShouldReconcile();
    }

    [Fact]
    public async Task A_robots_txt_that_comes_back_within_the_pause_lets_the_crawl_go_on()
    {
        await using var server = Shop(await TestServer.StartAsync(), robots: null);
        server.MapSequence("/robots.txt", Faults.Status(503), Faults.Reset(), Faults.Text("User-agent: *\nDisallow: /private\n", "text/plain"));
        var options = Obeying(server);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
        options.Robots.UnreachableTimeout = TimeSpan.FromSeconds(20);
        await using var engine = Crawls.Engine();

        var result = await Crawls.RunAsync(engine, options);

        result.Items.Select(i => i.Title).Order().ShouldBe(["One", "Three"]);
        result.OutcomeOf(server.Url("/private/2")).SkipReason.ShouldBe(SkipReason.Robots);
        server.HitsOf("/robots.txt").ShouldBe(3);
        result.ShouldReconcile();
    }

    [Fact]
    public async Task An_unreachable_robots_txt_is_fetched_again_by_the_next_run()
    {
        await using var server = Shop(await TestServer.StartAsync(), robots: null);
        server.MapSequence("/robots.txt", Faults.Status(503), Faults.Text("User-agent: *\nDisallow: /private\n", "text/plain"));
        var options = Obeying(server);
        options.Robots.UnreachableTimeout = TimeSpan.Zero;
        await using var engine = Crawls.Engine();

        var first = await Crawls.RunAsync(engine, options);
        var second = await Crawls.RunAsync(engine, options);

        first.OutcomeOf(server.Url("/")).FailureReason.ShouldBe(FailureReason.HttpStatus);
        second.Items.Select(i => i.Title).Order().ShouldBe(["One", "Three"]);
        server.HitsOf("/robots.txt").ShouldBe(2);
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
