using DeclarativeScrape.TestSite;
using Microsoft.AspNetCore.Http;

namespace DeclarativeScrape.Tests;

public sealed class SchedulingTests
{
    private static TestServer ShopOf(TestServer server, int products, RequestDelegate? product = null)
    {
        server.MapHtml("/", ShopPlan.ListingHtml(Enumerable.Range(1, products).Select(i => ShopPlan.Product($"/p/{i}")).ToArray()));
        for (var i = 1; i <= products; i++)
        {
            var html = ShopPlan.ProductHtml($"P{i}");
            server.Map($"/p/{i}", product is null ? Faults.Html(html) : async ctx =>
            {
                await product(ctx);
                await Faults.Html(html)(ctx);
            });
        }

        return server;
    }

    [Fact]
    public async Task Two_runs_on_one_engine_together_never_exceed_the_hosts_limit()
    {
        // Counted in the handler before it answers: a client that has its answer has left this count.
        var inFlight = 0;
        var peak = 0;
        await using var server = ShopOf(await TestServer.StartAsync(), 30, async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Delay(15);
            Interlocked.Decrement(ref inFlight);
        });
        await using var engine = Crawls.Engine();
        var a = ShopPlan.Options(server.Url("/"));
        a.Concurrency.Max = 16;
        a.Concurrency.PerHost = 3;
        var b = ShopPlan.Options(server.Url("/"));
        b.Concurrency.Max = 16;
        b.Concurrency.PerHost = 3;   // each alone may have 3 in flight: unshared, they would reach 6

        var results = await Task.WhenAll(Crawls.RunAsync(engine, a), Crawls.RunAsync(engine, b));

        results.ShouldAllBe(r => r.Items.Count == 30);
        peak.ShouldBeLessThanOrEqualTo(3, $"peak {peak}");
        peak.ShouldBeGreaterThan(1, "the runs did overlap");
    }

    [Fact]
    public async Task A_reader_that_stops_reading_stops_the_crawl_and_reading_again_resumes_it()
    {
        const int products = 120;
        await using var server = ShopOf(await TestServer.StartAsync(), products);
        await using var engine = new ScrapeEngine(new EngineOptions { ParseWorkers = 1 }) { EventCapacity = 4 };
        var options = ShopPlan.Options(server.Url("/"));
        options.Concurrency.Max = 4;
        options.Concurrency.PerHost = 4;
        var run = engine.Start(ShopPlan.Create(), options);
        await using var _ = run;

        var reader = run.ReadItemsAsync().GetAsyncEnumerator();
        for (var i = 0; i < 3; i++)
        {
            (await reader.MoveNextAsync().AsTask().WaitAsync(Crawls.Bound)).ShouldBeTrue();
        }

        // Not reading: the crawl fills its bounded buffers and stops fetching.
        var stalled = await HitsSettleAsync(server);
        stalled.ShouldBeLessThan(40, "events (4), pages waiting for the parse worker (4), one being parsed and the run's slots (4) bound what is fetched ahead");
        run.Completion.IsCompleted.ShouldBeFalse();

        var read = 3;
        while (await reader.MoveNextAsync().AsTask().WaitAsync(Crawls.Bound))
        {
            read++;
        }

        read.ShouldBe(products);
        (await run.Completion.WaitAsync(Crawls.Bound)).Reconciles.ShouldBeTrue();
        server.TotalHits.ShouldBe(products + 1);
        await reader.DisposeAsync();
    }

    [Fact]
    public async Task A_host_that_hangs_does_not_block_another_hosts_urls()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var slow = ShopOf(await TestServer.StartAsync(), 6, _ => release.Task);
        await using var fast = ShopOf(await TestServer.StartAsync(), 20);
        var options = ShopPlan.Options(slow.Url("/"), fast.Url("/"));
        options.Concurrency.Max = 6;
        options.Concurrency.PerHost = 3;
        await using var engine = Crawls.Engine();
        var run = engine.Start(ShopPlan.Create(), options);
        await using var _ = run;

        var fastItems = 0;
        await foreach (var item in run.ReadItemsAsync().WithCancellation(new CancellationTokenSource(Crawls.Bound).Token))
        {
            if (++fastItems == 20)
            {
                break;
            }
        }

        fastItems.ShouldBe(20);
        slow.InFlight.ShouldBeLessThanOrEqualTo(3, "the slow host holds its own slots only");
        release.TrySetResult();
        (await run.Completion.WaitAsync(Crawls.Bound)).Processed.ShouldBe(2 + 26);
    }

    [Fact]
    public async Task A_paused_host_does_not_block_another_hosts_urls()
    {
        await using var paused = ShopOf(await TestServer.StartAsync(), 3, ctx => Faults.Status(429, "3600")(ctx).ContinueWith(_ => ctx.Abort()));
        paused.Map("/p/1", Faults.Status(429, "3600"));
        await using var fast = ShopOf(await TestServer.StartAsync(), 10);
        var options = ShopPlan.Options(paused.Url("/"), fast.Url("/"));
        options.Retry.MaxDelay = TimeSpan.FromHours(1);
        options.Concurrency.PerHost = 1;
        using var stop = new CancellationTokenSource();
        await using var engine = Crawls.Engine();
        var run = engine.Start(ShopPlan.Create(), options, stop.Token);

        var titles = new List<string>();
        await foreach (var item in run.ReadItemsAsync())
        {
            titles.Add(item.Title);
            if (titles.Count == 10)
            {
                stop.Cancel();   // the paused host would keep the run alive for an hour
            }
        }

        titles.Count.ShouldBe(10);
        var summary = await run.Completion.WaitAsync(Crawls.Bound);
        summary.Completed.ShouldBeFalse();
        summary.Reconciles.ShouldBeTrue();
        summary.SkippedByReason[SkipReason.Cancelled].ShouldBeGreaterThanOrEqualTo(3);
        paused.HitsOf("/p/1").ShouldBe(1);
    }

    [Fact]
    public async Task A_graceful_stop_sends_nothing_more_and_lets_the_requests_in_flight_finish()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new Arrivals(4);
        await using var server = ShopOf(await TestServer.StartAsync(), 20, async ctx =>
        {
            arrived.Add();
            await gate.Task.WaitAsync(ctx.RequestAborted);
        });
        var options = ShopPlan.Options(server.Url("/"));
        options.Concurrency.Max = 4;
        options.Concurrency.PerHost = 4;
        await using var engine = Crawls.Engine();
        var run = engine.Start(ShopPlan.Create(), options);
        var read = ReadAsync(run);

        await arrived.All.WaitAsync(Crawls.Bound);
        run.Stop();
        gate.SetResult();   // the four requests in flight answer after the stop
        var (items, outcomes) = await read.WaitAsync(Crawls.Bound);

        var summary = await run.Completion.WaitAsync(Crawls.Bound);
        items.Count.ShouldBe(4, "the pages in flight at the stop are fetched, extracted and emitted");
        summary.Processed.ShouldBe(5, "the listing and the four products in flight");
        summary.SkippedByReason[SkipReason.Cancelled].ShouldBe(16, "nothing more was sent");
        server.TotalHits.ShouldBe(5);
        summary.Completed.ShouldBeFalse();
        summary.Reconciles.ShouldBeTrue();
        outcomes.Count.ShouldBe((int)summary.Discovered);
    }

    [Fact]
    public async Task Requests_still_in_flight_when_the_drain_runs_out_are_cancelled()
    {
        var arrived = new Arrivals(4);
        await using var server = ShopOf(await TestServer.StartAsync(), 20, async ctx =>
        {
            arrived.Add();
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
        });
        var options = ShopPlan.Options(server.Url("/"));
        options.Concurrency.Max = 4;
        options.Concurrency.PerHost = 4;
        options.Timeouts.Drain = TimeSpan.FromMilliseconds(300);
        options.Timeouts.ReadIdle = TimeSpan.FromHours(1);
        options.Timeouts.Request = TimeSpan.FromHours(1);
        await using var engine = Crawls.Engine();
        var run = engine.Start(ShopPlan.Create(), options);
        var read = ReadAsync(run);

        await arrived.All.WaitAsync(Crawls.Bound);
        run.Stop();
        var (items, outcomes) = await read.WaitAsync(Crawls.Bound);

        var summary = await run.Completion.WaitAsync(Crawls.Bound);
        items.ShouldBeEmpty();
        summary.SkippedByReason[SkipReason.Cancelled].ShouldBe(20, "four cancelled in flight, sixteen never sent");
        outcomes.Where(o => o.SkipReason == SkipReason.Cancelled && o.Attempts == 1).Count().ShouldBe(4);
        summary.Reconciles.ShouldBeTrue();
    }

    [Fact]
    public async Task Stop_now_cancels_the_requests_in_flight_without_waiting_for_the_drain()
    {
        var arrived = new Arrivals(4);
        await using var server = ShopOf(await TestServer.StartAsync(), 20, async ctx =>
        {
            arrived.Add();
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
        });
        var options = ShopPlan.Options(server.Url("/"));
        options.Concurrency.Max = 4;
        options.Concurrency.PerHost = 4;
        options.Timeouts.Drain = TimeSpan.FromHours(1);
        options.Timeouts.ReadIdle = TimeSpan.FromHours(1);
        options.Timeouts.Request = TimeSpan.FromHours(1);
        await using var engine = Crawls.Engine();
        var run = engine.Start(ShopPlan.Create(), options);
        var read = ReadAsync(run);

        await arrived.All.WaitAsync(Crawls.Bound);
        run.Stop();
        run.StopNow();
        await read.WaitAsync(Crawls.Bound);

        var summary = await run.Completion.WaitAsync(Crawls.Bound);
        summary.SkippedByReason[SkipReason.Cancelled].ShouldBe(20);
        summary.Reconciles.ShouldBeTrue();
    }

    private static Task<(List<Product> Items, List<UrlOutcome> Outcomes)> ReadAsync(ScrapeRun<Product> run) => Task.Run(async () =>
    {
        var items = new List<Product>();
        var outcomes = new List<UrlOutcome>();
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

        return (items, outcomes);
    });

    /// <summary>Completes <see cref="All"/> when <c>count</c> requests have arrived.</summary>
    private sealed class Arrivals(int count)
    {
        private int _arrived;

        public TaskCompletionSource AllSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task All => AllSource.Task;

        public void Add()
        {
            if (Interlocked.Increment(ref _arrived) == count)
            {
                AllSource.TrySetResult();
            }
        }
    }

    [Fact]
    public async Task Cancelling_mid_crawl_returns_promptly_and_every_url_has_one_outcome()
    {
        await using var server = ShopOf(await TestServer.StartAsync(), 200, _ => Task.Delay(20));
        var options = ShopPlan.Options(server.Url("/"));
        options.Concurrency.PerHost = 4;
        using var stop = new CancellationTokenSource();
        await using var engine = Crawls.Engine();
        var run = engine.Start(ShopPlan.Create(), options, stop.Token);
        var outcomes = new List<UrlOutcome>();
        var items = 0;

        await foreach (var e in run.ReadEventsAsync())
        {
            if (e.IsOutcome)
            {
                outcomes.Add(e.Outcome);
            }
            else if (++items == 10)
            {
                stop.Cancel();
            }
        }

        var summary = await run.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        summary.Completed.ShouldBeFalse();
        summary.Reconciles.ShouldBeTrue();
        outcomes.Count.ShouldBe((int)summary.Discovered);
        outcomes.Select(o => o.Url).Distinct().Count().ShouldBe(201, "every product and the listing, each once");
        summary.SkippedByReason[SkipReason.Cancelled].ShouldBeGreaterThan(100);
        await engine.DisposeAsync();
        (await server.WaitForConnectionsAsync(0, TimeSpan.FromSeconds(10))).ShouldBeTrue();
    }

    [Fact]
    public async Task Disposing_a_run_whose_events_nobody_reads_stops_it()
    {
        await using var server = ShopOf(await TestServer.StartAsync(), 50);
        await using var engine = new ScrapeEngine(new EngineOptions { ParseWorkers = 1 }) { EventCapacity = 2 };
        var run = engine.Start(ShopPlan.Create(), ShopPlan.Options(server.Url("/")));

        await run.DisposeAsync().AsTask().WaitAsync(Crawls.Bound);

        run.Completion.IsCompleted.ShouldBeTrue();
        (await run.Completion).Reconciles.ShouldBeTrue();
    }

    [Fact]
    public async Task RunAsync_streams_items_and_ScrapeAsync_runs_to_the_end_without_a_reader()
    {
        await using var server = ShopOf(await TestServer.StartAsync(), 5);
        await using var engine = Crawls.Engine();

        var items = await engine.RunAsync(ShopPlan.Create(), ShopPlan.Options(server.Url("/"))).ToListAsync().AsTask().WaitAsync(Crawls.Bound);
        var summary = await engine.ScrapeAsync(ShopPlan.Create(), ShopPlan.Options(server.Url("/"))).WaitAsync(Crawls.Bound);

        items.Count.ShouldBe(5);
        summary.Items.ShouldBe(5);
        summary.Processed.ShouldBe(6);
        summary.Reconciles.ShouldBeTrue();
        summary.Requests.ShouldBe(6);
        summary.BytesReceived.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Progress_reports_the_crawl_as_it_goes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = ShopOf(await TestServer.StartAsync(), 4, _ => release.Task);
        var options = ShopPlan.Options(server.Url("/"));
        options.Concurrency.PerHost = 2;
        await using var engine = Crawls.Engine();
        var run = engine.Start(ShopPlan.Create(), options);
        await using var _ = run;
        var events = Task.Run(async () => await run.ReadEventsAsync().ToListAsync());

        while (server.InFlight < 2)
        {
            await Task.Delay(5).WaitAsync(Crawls.Bound);
        }

        var progress = run.GetProgress();
        progress.InFlight.ShouldBe(2);
        progress.Processed.ShouldBe(1);
        var host = progress.Hosts.ShouldHaveSingleItem();
        host.Host.ShouldBe(server.BaseUrl.Authority);
        host.Limit.ShouldBe(2);
        host.Queued.ShouldBe(2);

        release.TrySetResult();
        await run.Completion.WaitAsync(Crawls.Bound);
        run.GetProgress().Items.ShouldBe(4);
        await events;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>Polls the server's hit count until it has not moved for a while (bounded), and returns it.</summary>
    private static async Task<int> HitsSettleAsync(TestServer server)
    {
        var last = -1;
        var still = 0;
        for (var i = 0; i < 500 && still < 15; i++)
        {
            await Task.Delay(10);
            var now = server.TotalHits;
            still = now == last ? still + 1 : 0;
            last = now;
        }

        return last;
    }
}
