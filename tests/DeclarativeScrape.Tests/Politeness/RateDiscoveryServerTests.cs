using System.Collections.Concurrent;
using System.Diagnostics;
using DeclarativeScrape.TestSite;
using Xunit.Abstractions;

namespace DeclarativeScrape.Tests;

/// <summary>
/// Rate discovery and faults against the real Kestrel test server, on the real clock (a crawl cannot run ahead of it).
/// The server counts what it accepted, second by second; a rate is measured over whole seconds of the steady part of
/// the crawl (after the first 10 s, before the tail where only retries of refused requests are left), so the test
/// server's own timing under load (its arrivals bunch when the machine is busy) does not decide the figure.
/// </summary>
/// <remarks>
/// <para>These tests hold what does not depend on how fast the machine is: no item lost, no URL failed, refusals
/// bounded, the learned rate not above the host's by more than a probe step, and no collapse (at least a quarter of the host's rate after the
/// first 10 s). How close to the host's rate the crawl gets is a speed figure, measured by the benchmark
/// (<c>bench/politeness/run.sh</c>, figures in docs/performance.md) and, on a manual clock where it is exact, by
/// <see cref="RateDiscoveryModelTests"/> (at least 90 % of an unknown limit with at most 1 % refused, 97 % of a given
/// one): on a shared 2-core machine a client stalled for a second by the scheduler misses a per-second figure
/// whatever its controller does. They run alone (<see cref="RealClockRates"/>) so that other tests do not stall them.</para>
/// <para>The server limits against a token bucket with a burst of 20, as real limiters are configured (nginx
/// <c>limit_req ... burst=</c>; the benchmark site's default is 20): a burst absorbs the few milliseconds by which a
/// request paced evenly arrives early. A bucket one deep refuses any two arrivals closer than its interval, however
/// they were paced, so under scheduling jitter no client reaches its rate without refusals; that server gets its own
/// test of what is physically possible (<see cref="A_limit_one_deep_costs_jitter_refusals_but_no_collapse"/>).</para>
/// </remarks>
[Collection(nameof(RealClockRates))]
public sealed class RateDiscoveryServerTests(ITestOutputHelper output)
{
    private const int LongPages = 1200;
    private const double Rate = 40;
    private const double NoCollapse = 0.25;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(RateLimitMode.TokenBucket, 20, 429, 1)]
    [InlineData(RateLimitMode.TokenBucket, 20, 503, null)]
    [InlineData(RateLimitMode.FixedWindow, 1, 503, null)]
    public async Task An_unknown_limit_is_found_and_kept_to(RateLimitMode mode, int burst, int status, int? retryAfter)
    {
        await using var server = await ShopAsync(LongPages);
        server.RateLimit = new ServerRateLimit(Rate, burst, mode, status, retryAfter);

        var (summary, items) = await CrawlAsync(server, configuredRate: null);

        items.ShouldBe(LongPages, "no item is lost to the refusals");
        summary.Failed.ShouldBe(0);
        var limit = server.RateLimit;
        var accepted = AcceptedPerSecond(limit, WarmUp);
        var refusedShare = limit.Refused / (double)(limit.Refused + limit.Accepted);
        accepted.ShouldBeGreaterThanOrEqualTo(NoCollapse * Rate, $"accepted {accepted:0.0}/s of {Rate}/s after the first 10 s; {limit.Refused} refused of {limit.Refused + limit.Accepted}");
        refusedShare.ShouldBeLessThanOrEqualTo(0.05, $"{limit.Refused} refused of {limit.Refused + limit.Accepted}");
        var host = summary.Hosts.ShouldHaveSingleItem();
        // Not above the host's rate but by a probe step that may be in progress when the crawl ends (at most half).
        host.LearnedRequestsPerSecond.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(Rate * (1 + RateController.MaxStep));
        if (status == 429)
        {
            host.RateLimitedAnswers.ShouldBe(limit.Refused, "every 429 is a rate signal");
        }
        else
        {
            // A 503 is a page's fault until they come dense (RateController.DenseUnavailable of the last answers; a URL's
            // repeated 503 while nothing is accepted does not count): the first few are not read as the limit.
            host.RateLimitedAnswers.ShouldBeInRange(limit.Refused - (2 * RateController.DenseUnavailable), limit.Refused);
        }
    }

    /// <summary>
    /// A token bucket one deep (nginx <c>limit_req</c> without <c>burst=</c>) refuses a request that arrives even a
    /// millisecond early, so requests paced at its rate are refused whenever the scheduler delays one and not the next:
    /// jitter, not rate. The controller must not read those refusals as a lower limit again and again (it once drifted
    /// from 40 to 10 a second): one cut per round, never below what the host accepted in the last second. What is
    /// physically possible is a margin under the rate, with refusals bounded; no collapse.
    /// </summary>
    [Fact]
    public async Task A_limit_one_deep_costs_jitter_refusals_but_no_collapse()
    {
        await using var server = await ShopAsync(LongPages);
        server.RateLimit = new ServerRateLimit(Rate, burst: 1);

        var (summary, items) = await CrawlAsync(server, configuredRate: null);

        items.ShouldBe(LongPages, "no item is lost to the refusals");
        summary.Failed.ShouldBe(0);
        var limit = server.RateLimit;
        var accepted = AcceptedPerSecond(limit, WarmUp);
        accepted.ShouldBeGreaterThanOrEqualTo(NoCollapse * Rate, $"accepted {accepted:0.0}/s of {Rate}/s after the first 10 s; {limit.Refused} refused of {limit.Refused + limit.Accepted}");
        (limit.Refused / (double)(limit.Refused + limit.Accepted)).ShouldBeLessThanOrEqualTo(0.05, $"{limit.Refused} refused of {limit.Refused + limit.Accepted}");
    }

    [Fact]
    public async Task A_given_limit_is_kept_to_without_a_refusal()
    {
        // 30 s of crawl, so that one second in which the machine stalled the client cannot decide the figure.
        await using var server = await ShopAsync(LongPages);
        server.RateLimit = new ServerRateLimit(Rate, burst: 5);

        var (summary, items) = await CrawlAsync(server, configuredRate: Rate);

        items.ShouldBe(LongPages);
        server.RateLimit.Refused.ShouldBeLessThanOrEqualTo(1, "a configured rate at the server's is kept to (0.1 % of 1,200 is one)");
        var accepted = AcceptedPerSecond(server.RateLimit, TimeSpan.FromSeconds(1));
        accepted.ShouldBeGreaterThanOrEqualTo(0.75 * Rate, $"accepted {accepted:0.0}/s of {Rate}/s");
        summary.Hosts.ShouldHaveSingleItem().ConfiguredRequestsPerSecond.ShouldBe(Rate);
    }

    /// <summary>
    /// 5 % of the pages fail, each for good and in its own way (500, reset, never answering, 503 on three pages): while
    /// healthy pages are left, the host's limit is never cut, no rate is learned, and pages keep completing (no 5 s
    /// with none completed while URLs are queued and slots are free). Asserted on samples taken during the crawl: at
    /// its very end only the faulty pages' retries are left, and the host may then rightly read as failing.
    /// </summary>
    [Fact]
    public async Task Faults_of_some_pages_do_not_shrink_a_healthy_hosts_limit()
    {
        await using var server = await TestServer.StartAsync();
        const int pages = 300;
        const int healthy = pages - (pages / 20);
        server.MapHtml("/", ShopPlan.ListingHtml([.. Enumerable.Range(1, pages).Select(i => ShopPlan.Product($"/p/{i}"))]));
        for (var i = 1; i <= pages; i++)
        {
            server.Map($"/p/{i}", i % 20 != 0 ? Faults.Html(ShopPlan.ProductHtml($"P{i}")) : (i / 20 % 5) switch
            {
                1 => Faults.Reset(),
                2 => Faults.Status(503),
                3 => Faults.NeverRespond(),
                _ => Faults.Status(500),
            });
        }

        var options = ShopPlan.Options(server.Url("/"));
        options.Concurrency.Max = 16;
        options.Concurrency.PerHost = 16;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Timeouts.ReadIdle = TimeSpan.FromSeconds(2);
        options.Timeouts.Request = TimeSpan.FromSeconds(3);   // a page that never answers: three attempts of 3 s
        await using var engine = Crawls.Engine();
        var gate = engine.Hosts.Get(server.Url("/").Authority);

        var run = engine.Start(ShopPlan.Create(), options);
        await using (run)
        {
            var clock = Stopwatch.StartNew();
            var itemCount = 0;
            var items = Task.Run(async () =>
            {
                await foreach (var _ in run.ReadItemsAsync())
                {
                    Interlocked.Increment(ref itemCount);
                }
            });
            var samples = new List<(TimeSpan At, int Items, long Fetched, long Queued, int InFlight, int Limit, long Limited, bool Learned)>();
            using var sampler = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
            var sampling = Task.Run(async () =>
            {
                while (await sampler.WaitForNextTickAsync() && Volatile.Read(ref itemCount) < healthy)
                {
                    var p = run.GetProgress();
                    samples.Add((clock.Elapsed, Volatile.Read(ref itemCount), p.PagesFetched, p.Queued, gate.InFlight, gate.Limit, gate.RateLimitedAnswers, gate.Learned is not null));
                }
            });
            ScrapeSummary summary;
            try
            {
                summary = await run.Completion.WaitAsync(Bound);
            }
            catch (TimeoutException)
            {
                var p = run.GetProgress();
                output.WriteLine($"TIMEOUT: items {itemCount} fetched {p.PagesFetched} queued {p.Queued} in flight {gate.InFlight} limit {gate.Limit} rate {gate.Rate}");
                output.WriteLine(string.Join('\n', samples.ToList().Where((_, i) => i % 20 == 0).Select(s => $"{s.At.TotalSeconds:0.00}s items {s.Items} fetched {s.Fetched} queued {s.Queued} in flight {s.InFlight} limit {s.Limit} limited {s.Limited}")));
                throw;
            }

            await items.WaitAsync(Bound);
            sampler.Dispose();
            await sampling.WaitAsync(Bound);

            itemCount.ShouldBe(healthy);
            summary.Failed.ShouldBe(pages / 20);
            output.WriteLine(string.Join('\n', samples.Where((_, i) => i % 20 == 0).Select(s => $"{s.At.TotalSeconds:0.00}s items {s.Items} fetched {s.Fetched} queued {s.Queued} in flight {s.InFlight} limit {s.Limit} limited {s.Limited}")));
            samples.Count.ShouldBeGreaterThan(5);
            for (var i = 1; i < samples.Count; i++)
            {
                samples[i].Limit.ShouldBeGreaterThanOrEqualTo(samples[i - 1].Limit, $"the host's limit is never cut while healthy pages are left (at {samples[i].At.TotalSeconds:0.0}s)");
            }

            samples.ShouldAllBe(s => s.Limited == 0 && !s.Learned, "503s of three pages are their faults, not a rate limit");
            var lastProgress = samples[0];
            foreach (var sample in samples)
            {
                if (sample.Fetched != lastProgress.Fetched || sample.Queued == 0 || sample.InFlight >= sample.Limit)
                {
                    lastProgress = sample;
                    continue;
                }

                (sample.At - lastProgress.At).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(5), $"no page completed from {lastProgress.At.TotalSeconds:0.0}s to {sample.At.TotalSeconds:0.0}s with {sample.Queued} queued and {sample.Limit - sample.InFlight} slots free");
            }
        }
    }

    private static async Task<TestServer> ShopAsync(int pages)
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml([.. Enumerable.Range(1, pages).Select(i => ShopPlan.Product($"/p/{i}"))]));
        for (var i = 1; i <= pages; i++)
        {
            server.MapHtml($"/p/{i}", ShopPlan.ProductHtml($"P{i}"));
        }

        return server;
    }

    private async Task<(ScrapeSummary Summary, int Items)> CrawlAsync(TestServer server, double? configuredRate)
    {
        var options = ShopPlan.Options(server.Url("/"));
        options.Concurrency.Max = 64;
        options.Concurrency.PerHost = 64;
        options.RateLimit.RequestsPerSecond = configuredRate;
        options.RateLimit.Burst = 1;
        await using var engine = Crawls.Engine();
        var trace = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var gate = engine.Hosts.Get(server.Url("/").Authority);
        gate.RateTrace = line => trace.Enqueue($"{clock.Elapsed.TotalSeconds:0.000}s {line}");
        var run = engine.Start(ShopPlan.Create(), options);
        await using (run)
        {
            var items = Task.Run(async () => await run.ReadItemsAsync().CountAsync());
            using var sampler = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            var sampling = Task.Run(async () =>
            {
                while (await sampler.WaitForNextTickAsync())
                {
                    var p = run.GetProgress();
                    trace.Enqueue($"{clock.Elapsed.TotalSeconds:0.000}s sample: gate in flight {gate.InFlight} limit {gate.Limit} rate {gate.Rate:0.#}; run in flight {p.InFlight} queued {p.Queued} fetched {p.PagesFetched} items {p.Items}");
                }
            });
            try
            {
                var summary = await run.Completion.WaitAsync(Bound);
                return (summary, await items.WaitAsync(Bound));
            }
            finally
            {
                sampler.Dispose();
                await sampling;
                Describe(server.RateLimit!, trace);
            }
        }
    }

    /// <summary>What the server saw second by second, and the rate controller's decisions: what a failure is read from.</summary>
    private void Describe(ServerRateLimit limit, IEnumerable<string> trace)
    {
        var arrivals = limit.Arrivals;
        if (arrivals.Count == 0)
        {
            return;
        }

        var seconds = arrivals.GroupBy(a => (int)(a.At - arrivals[0].At).TotalSeconds).OrderBy(g => g.Key);
        output.WriteLine("accepted/refused per second: " + string.Join(' ', seconds.Select(g => $"{g.Count(a => a.Accepted)}/{g.Count(a => !a.Accepted)}")));
        foreach (var line in trace.Take(600))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>
    /// What the server accepted per second over whole seconds from <paramref name="skip"/> after the first request
    /// until 97 % of the accepted requests had arrived (the tail, where only retries of refused requests are left, is
    /// not held back by the rate).
    /// </summary>
    private static double AcceptedPerSecond(ServerRateLimit limit, TimeSpan skip)
    {
        var arrivals = limit.Arrivals;
        var accepted = arrivals.Where(a => a.Accepted).Select(a => (a.At - arrivals[0].At).TotalSeconds).ToList();
        var from = (int)Math.Ceiling(skip.TotalSeconds);
        var to = (int)Math.Floor(accepted[(int)(accepted.Count * 0.97)]);
        return to <= from ? 0 : accepted.Count(t => t >= from && t < to) / (double)(to - from);
    }
}

/// <summary>Tests whose figures are taken on the real clock: run alone, after the others.</summary>
[CollectionDefinition(nameof(RealClockRates), DisableParallelization = true)]
public sealed class RealClockRates;
