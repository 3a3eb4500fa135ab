using System.Collections.Concurrent;
using System.Diagnostics;
using DeclarativeScrape.TestSite;
using Xunit.Abstractions;

namespace DeclarativeScrape.Tests;

/// <summary>
/// Rate discovery and faults against the real Kestrel test server, on the real clock (a crawl cannot run ahead of it).
/// The tight figures are the deterministic model's (<see cref="RateDiscoveryModelTests"/>); these prove the crawl wires
/// the host gate to real answers, with tolerances a busy machine keeps but a wrong controller does not: the server
/// counts what it accepted over the steady part of the crawl, and the old controller (concurrency halved and the host
/// paused on every 429) reached about a fifth of the allowed rate.
/// </summary>
public sealed class RateDiscoveryServerTests(ITestOutputHelper output)
{
    private const int Pages = 600;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData(RateLimitMode.TokenBucket, 429, 1)]
    [InlineData(RateLimitMode.FixedWindow, 503, null)]
    public async Task An_unknown_limit_is_found_and_kept_to(RateLimitMode mode, int status, int? retryAfter)
    {
        const double rate = 40;
        await using var server = await ShopAsync();
        server.RateLimit = new ServerRateLimit(rate, burst: 1, mode, status, retryAfter);

        var (summary, items) = await CrawlAsync(server, configuredRate: null);

        items.ShouldBe(Pages, "no item is lost to the refusals");
        summary.Failed.ShouldBe(0);
        var limit = server.RateLimit;
        var accepted = AcceptedPerSecond(limit, skip: TimeSpan.FromSeconds(5));
        accepted.ShouldBeGreaterThanOrEqualTo(0.75 * rate, $"accepted {accepted:0.0}/s of {rate}/s after the first 5 s; {limit.Refused} refused of {limit.Refused + limit.Accepted}");
        (limit.Refused / (double)(limit.Refused + limit.Accepted)).ShouldBeLessThanOrEqualTo(0.05, $"{limit.Refused} refused of {limit.Refused + limit.Accepted}");
        var host = summary.Hosts.ShouldHaveSingleItem();
        host.LearnedRequestsPerSecond.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(rate * 1.1);
        if (status == 429)
        {
            host.RateLimitedAnswers.ShouldBe(limit.Refused, "every 429 is a rate signal");
        }
        else
        {
            // A 503 is a page's fault until they come dense (RateController.DenseUnavailable of the last answers): the
            // first few are not read as the limit, every later one is.
            host.RateLimitedAnswers.ShouldBeInRange(limit.Refused - (RateController.DenseUnavailable - 1), limit.Refused);
        }
    }

    [Fact]
    public async Task A_given_limit_is_kept_to_without_a_refusal()
    {
        const double rate = 40;
        await using var server = await ShopAsync();
        server.RateLimit = new ServerRateLimit(rate, burst: 5);

        var (summary, items) = await CrawlAsync(server, configuredRate: rate);

        items.ShouldBe(Pages);
        server.RateLimit.Refused.ShouldBe(0, "a configured rate at the server's is never exceeded");
        var accepted = AcceptedPerSecond(server.RateLimit, skip: TimeSpan.FromSeconds(1));
        accepted.ShouldBeGreaterThanOrEqualTo(0.85 * rate, $"accepted {accepted:0.0}/s of {rate}/s");
        summary.Hosts.ShouldHaveSingleItem().ConfiguredRequestsPerSecond.ShouldBe(rate);
    }

    [Fact]
    public async Task Faults_of_some_pages_do_not_shrink_a_healthy_hosts_limit()
    {
        // 5 % of the pages fail, each for good and in its own way: 500, reset, never answering, 503 (three pages).
        await using var server = await TestServer.StartAsync();
        const int pages = 300;
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

        var run = engine.Start(ShopPlan.Create(), options);
        await using (run)
        {
            var items = Task.Run(async () => await run.ReadItemsAsync().CountAsync());
            var summary = await run.Completion.WaitAsync(Bound);

            (await items.WaitAsync(Bound)).ShouldBe(pages - (pages / 20));
            summary.Failed.ShouldBe(pages / 20);
            var gate = engine.Hosts.Get(server.Url("/").Authority);
            gate.Limit.ShouldBe(16, "a few bad pages among many good ones say nothing about the host's load");
            gate.Rate.ShouldBeNull("503s of three pages are their faults, not a rate limit");
        }
    }

    private static async Task<TestServer> ShopAsync()
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml([.. Enumerable.Range(1, Pages).Select(i => ShopPlan.Product($"/p/{i}"))]));
        for (var i = 1; i <= Pages; i++)
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
            var summary = await run.Completion.WaitAsync(Bound);
            sampler.Dispose();
            await sampling;
            Describe(server.RateLimit!, trace);
            return (summary, await items.WaitAsync(Bound));
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
        foreach (var line in trace.Take(200))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>What the server accepted per second from <paramref name="skip"/> after the first request to the last accepted one.</summary>
    private static double AcceptedPerSecond(ServerRateLimit limit, TimeSpan skip)
    {
        var arrivals = limit.Arrivals;
        var from = arrivals[0].At + skip;
        var accepted = arrivals.Where(a => a.Accepted && a.At >= from).Select(a => a.At).ToList();
        return accepted.Count < 2 ? 0 : (accepted.Count - 1) / (accepted[^1] - accepted[0]).TotalSeconds;
    }
}
