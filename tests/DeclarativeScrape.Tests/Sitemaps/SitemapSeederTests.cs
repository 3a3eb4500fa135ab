using System.IO.Compression;
using System.Text;
using DeclarativeScrape.TestSite;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeclarativeScrape.Tests.Sitemaps;

// Sitemaps read for real from a server: robots.txt's Sitemap: line, an index, a gzip file, rules, lastmod; and the
// reader waiting for the frontier to shrink (a sitemap of any size costs the memory of HighWater queued URLs).

[Scraper(StartUrl = "http://127.0.0.1:1/", StartPage = typeof(SitemapHome))]
[Sitemap(typeof(SitemapItem), Include = ["/p/**"])]
[Sitemap(typeof(SitemapSection), Url = "/sections.xml", Include = ["/s/**"])]
[Retry(MaxAttempts = 1)]
public static partial class SitemapSeedScraper;

[Page]
public partial class SitemapHome;

[Page, Item]
public partial record SitemapItem
{
    [Text("h1")] public required string Title { get; init; }

    [Carried] public DateTimeOffset? LastModified { get; init; }

    [PageUrl] public Uri Url { get; init; } = default!;
}

[Page, Item]
public partial record SitemapSection
{
    [Text("h2")] public required string Name { get; init; }
}

public sealed class SitemapSeederTests
{
    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private static string UrlSet(IEnumerable<string> entries) =>
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + string.Concat(entries) + "</urlset>";

    private static async Task<TestServer> SiteAsync(int items)
    {
        var server = await TestServer.StartAsync();
        var index = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>" + server.Url("/items.xml.gz") + "</loc></sitemap><sitemap><loc>/missing.xml</loc></sitemap></sitemapindex>";
        var entries = Enumerable.Range(1, items).Select(i => $"<url><loc>{server.Url($"/p/{i}")}</loc><lastmod>2024-0{1 + (i % 9)}-15</lastmod></url>").Append($"<url><loc>{server.Url("/other/x")}</loc></url>");
        var body = Gzip(UrlSet(entries));
        server.Map("/robots.txt", c => c.Response.WriteAsync("User-agent: *\nAllow: /\nSitemap: /index.xml\n"))
              .Map("/index.xml", c => { c.Response.ContentType = "application/xml"; return c.Response.WriteAsync(index); })
              .Map("/items.xml.gz", c => { c.Response.ContentType = "application/gzip"; return c.Response.Body.WriteAsync(body).AsTask(); })
              .Map("/sections.xml", c => c.Response.WriteAsync(UrlSet([$"<url><loc>{server.Url("/s/1")}</loc></url>"])))
              .MapHtml("/", "<html><body>home</body></html>")
              .MapHtml("/s/1", "<html><body><h2>Section one</h2></body></html>");
        for (var i = 1; i <= Math.Min(items, 50); i++)
        {
            server.MapHtml($"/p/{i}", $"<html><body><h1>Item {i}</h1></body></html>");
        }

        return server;
    }

    [Fact]
    public async Task Entries_of_the_robots_sitemaps_and_the_configured_ones_are_crawled_as_the_page_types_their_rules_give()
    {
        await using var server = await SiteAsync(12);
        await using var engine = Crawls.Engine();
        var options = SitemapSeedScraper.CreateOptions();
        options.StartUrls = [server.Url("/")];
        options.Engine = engine;
        options.Sitemaps.ModifiedSince = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var run = SitemapSeedScraper.Start(options);
        await using var _ = run;

        var events = await run.ReadEventsAsync().ToListAsync().AsTask().WaitAsync(Crawls.Bound);
        var summary = await run.Completion.WaitAsync(Crawls.Bound);

        var items = events.Select(e => e.TryGetItem(out var i) ? i : null).OfType<SitemapSeedScraper.Item>().ToList();
        var expected = Enumerable.Range(1, 12).Where(i => 1 + (i % 9) >= 4).ToList();
        items.Select(i => i.Match(p => p.Url.AbsolutePath, s => "section")).Order(StringComparer.Ordinal)
            .ShouldBe([.. expected.Select(i => $"/p/{i}").Append("section").Order(StringComparer.Ordinal)]);
        items.Select(i => i.Match(p => p.LastModified, s => null)).OfType<DateTimeOffset>().ShouldAllBe(d => d >= options.Sitemaps.ModifiedSince);
        server.HitsOf("/other/x").ShouldBe(0, "no [Sitemap] rule takes it");
        var sitemaps = events.Where(e => e.IsOutcome && e.Outcome!.PageType == "(sitemap)").Select(e => e.Outcome!).ToList();
        sitemaps.Select(o => (new Uri(o.Url).AbsolutePath, o.Kind)).Order().ShouldBe(
        [
            ("/index.xml", OutcomeKind.Processed), ("/items.xml.gz", OutcomeKind.Processed), ("/missing.xml", OutcomeKind.Failed), ("/sections.xml", OutcomeKind.Processed),
        ]);
        sitemaps.Single(o => o.Url.EndsWith("/missing.xml", StringComparison.Ordinal)).Message.ShouldBe("HTTP 404 Not Found");
        summary.Reconciles.ShouldBeTrue();
    }

    [Fact]
    public async Task The_reader_waits_while_the_frontier_is_full_and_goes_on_when_it_drains()
    {
        const int Items = 12_000;
        await using var server = await SiteAsync(Items);
        var settings = new RunSettings("SitemapSeedScraper", new ScrapeOptions { StartUrls = [server.Url("/")], Sitemaps = { Urls = [new Uri("/items.xml.gz", UriKind.Relative)] } });
        using var fetch = new FetchClient(new EngineOptions(), TimeProvider.System);
        using var requests = new RequestControl(fetch, settings);
        var queued = 0L;
        var admitted = 0L;
        var waits = 0;
        var drained = false;
        var room = new SemaphoreSlim(0);
        var sink = new SitemapSink(
            (batch, _) =>
            {
                Interlocked.Add(ref queued, batch.Count);
                Interlocked.Add(ref admitted, batch.Count);
                return ValueTask.CompletedTask;
            },
            _ => ValueTask.CompletedTask,
            async (highWater, ct) =>
            {
                while (!Volatile.Read(ref drained) && Interlocked.Read(ref queued) > highWater)
                {
                    Interlocked.Increment(ref waits);
                    await room.WaitAsync(ct);
                }
            });
        var policy = new FrontierPolicy(settings.Scope, settings.Paths, settings.MaxDepth);
        var seeder = new SitemapSeeder<SitemapSeedScraper.Item>(SitemapSeedScraper.Plan, settings, requests, policy, TimeProvider.System, new OutcomeRecorder("S", NullLogger.Instance), NullLogger.Instance, sink);

        var reading = seeder.RunAsync(CancellationToken.None);
        while (Volatile.Read(ref waits) == 0)
        {
            await Task.WhenAny(reading, Task.Delay(10)).WaitAsync(Crawls.Bound);
            reading.IsCompleted.ShouldBeFalse("the reader stops at the high-water mark instead of reading on");
        }

        Interlocked.Read(ref queued).ShouldBeLessThanOrEqualTo(seeder.HighWater + 256, "admitted at most one batch past the mark");
        Volatile.Write(ref drained, true);   // the crawl drains its frontier from now on
        room.Release();
        await reading.WaitAsync(Crawls.Bound);
        Interlocked.Read(ref admitted).ShouldBe(Items, "every entry the rules take, once the reader went on");
    }
}
