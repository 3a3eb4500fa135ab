using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests;

public sealed class RateLimitedHostTests
{
    private static ScrapeOptions Options(TestServer server, int maxAttempts)
    {
        var options = ShopPlan.Options(server.Url("/"));
        options.Retry.MaxAttempts = maxAttempts;
        options.Retry.BaseDelay = TimeSpan.FromSeconds(1);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(60);
        options.Concurrency.PerHost = 1;
        options.Timeouts.Request = TimeSpan.FromHours(1);   // the fake clock runs fast: keep timeouts out of the way
        options.Timeouts.ReadIdle = TimeSpan.FromHours(1);
        return options;
    }

    [Fact]
    public async Task A_429_delays_its_url_for_its_retry_after_and_is_retried_without_using_the_retry_budget()
    {
        var time = new ManualTimeProvider();
        await using var server = await TestServer.StartAsync();
        server.Clock = time;
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/item"), ShopPlan.Product("/p/2")))
              .MapSequence("/item", Faults.Status(429, "10"), Faults.Status(429, "10"), Faults.Html(ShopPlan.ProductHtml("Patient")))
              .MapHtml("/p/2", ShopPlan.ProductHtml("Queued"));
        await using var engine = Crawls.Engine(time);
        var run = engine.Start(ShopPlan.Create(), Options(server, maxAttempts: 1));   // no retry budget at all
        var events = Task.Run(async () => await run.ReadEventsAsync().ToListAsync());

        await time.AdvanceUntilAsync(() => run.Completion.IsCompleted, TimeSpan.FromSeconds(1));
        var summary = await run.Completion.WaitAsync(Crawls.Bound);
        var outcomes = (await events.WaitAsync(Crawls.Bound)).Where(e => e.IsOutcome).Select(e => e.Outcome!).ToList();

        var item = outcomes.Single(o => o.Url == server.Url("/item").AbsoluteUri);
        item.Kind.ShouldBe(OutcomeKind.Processed);
        item.Attempts.ShouldBe(3);
        var hits = server.HitsOf("/item") == 3 ? server.HitTimesOf("/item") : throw new ShouldAssertException("three requests expected");
        (hits[1] - hits[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(10));
        (hits[2] - hits[1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(10));
        server.HitTimesOf("/p/2").ShouldAllBe(t => t < hits[0] + TimeSpan.FromSeconds(10), "a Retry-After delays the URL it answers, not the whole host");
        summary.Processed.ShouldBe(3);
        summary.Reconciles.ShouldBeTrue();
        await run.DisposeAsync();
    }

    [Fact]
    public async Task A_host_that_always_answers_429_fails_the_url_as_rate_limited_after_the_bound()
    {
        var time = new ManualTimeProvider();
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/item")))
              .Map("/item", Faults.Status(429, "2"));
        var options = Options(server, maxAttempts: 5);
        options.Retry.MaxRateLimitedAttempts = 3;
        await using var engine = Crawls.Engine(time);
        var run = engine.Start(ShopPlan.Create(), options);
        var events = Task.Run(async () => await run.ReadEventsAsync().ToListAsync());

        await time.AdvanceUntilAsync(() => run.Completion.IsCompleted, TimeSpan.FromSeconds(1));
        var outcome = (await events.WaitAsync(Crawls.Bound)).Select(e => e.Outcome).Single(o => o?.Url == server.Url("/item").AbsoluteUri)!;

        outcome.FailureReason.ShouldBe(FailureReason.RateLimited);
        outcome.StatusCode.ShouldBe(429);
        outcome.Attempts.ShouldBe(3);
        server.HitsOf("/item").ShouldBe(3);
        await run.DisposeAsync();
    }

    [Fact]
    public async Task A_long_retry_after_is_clamped_to_the_max_delay()
    {
        var time = new ManualTimeProvider();
        await using var server = await TestServer.StartAsync();
        server.Clock = time;
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/item")))
              .MapSequence("/item", Faults.Status(503, "3600"), Faults.Html(ShopPlan.ProductHtml("Soon")));
        var options = Options(server, maxAttempts: 2);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        await using var engine = Crawls.Engine(time);
        var run = engine.Start(ShopPlan.Create(), options);
        var items = Task.Run(async () => await run.ReadItemsAsync().ToListAsync());

        await time.AdvanceUntilAsync(() => run.Completion.IsCompleted, TimeSpan.FromMilliseconds(500));

        (await items.WaitAsync(Crawls.Bound)).ShouldHaveSingleItem().Title.ShouldBe("Soon");
        var hits = server.HitTimesOf("/item");
        // At least the clamped delay (a retry cannot be stamped before it was sent), and nowhere near the server's
        // hour: the fake clock runs ahead of a slow machine, so the upper bound only separates "clamped" from "not".
        (hits[1] - hits[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
        (hits[1] - hits[0]).ShouldBeLessThan(TimeSpan.FromMinutes(10), "Retry-After: 3600 is clamped to Retry.MaxDelay (5 s)");
        await run.DisposeAsync();
    }

    [Fact]
    public async Task The_crawl_keeps_to_the_token_bucket_after_the_burst()
    {
        // The real clock: a crawl cannot run ahead of it. The bucket itself is tested on a manual clock in
        // HostTokenBucketTests and HostGateTests; this proves the crawl asks it before every request.
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(Enumerable.Range(1, 6).Select(i => ShopPlan.Product($"/p/{i}")).ToArray()));
        for (var i = 1; i <= 6; i++)
        {
            server.MapHtml($"/p/{i}", ShopPlan.ProductHtml($"P{i}"));
        }

        var options = Options(server, maxAttempts: 1);
        options.Concurrency.PerHost = 8;
        options.RateLimit.RequestsPerSecond = 10;
        options.RateLimit.Burst = 2;
        await using var engine = Crawls.Engine();
        await Crawls.WarmUpAsync(engine);
        var start = server.Clock.GetUtcNow();

        var result = await Crawls.RunAsync(engine, options).WaitAsync(Crawls.Bound);

        result.Items.Count.ShouldBe(6);
        Arrivals(server, "/", "/p/1", "/p/2", "/p/3", "/p/4", "/p/5", "/p/6")
            .ShouldArriveNoSoonerThanTheirTokens(start, burst: 2, every: TimeSpan.FromSeconds(0.1));
    }

    private static List<DateTimeOffset> Arrivals(TestServer server, params string[] paths) =>
        paths.SelectMany(server.HitTimesOf).Order().ToList();
}
