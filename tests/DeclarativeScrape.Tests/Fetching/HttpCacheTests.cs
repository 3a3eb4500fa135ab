using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests;

/// <summary>The development HTTP cache (<see cref="ScrapeOptions.HttpCache"/>) on a real Kestrel site: requests counted at the server.</summary>
public sealed class HttpCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ds-httpcache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_second_run_replays_everything_without_a_request_to_the_site_and_yields_the_same_items()
    {
        await using var server = await ShopAsync();
        server.MapHtml("/robots.txt", "User-agent: *\nDisallow: /private\n");

        var first = await CrawlAsync(server, obeyRobots: true);
        var hitsAfterFirst = server.TotalHits;
        var second = await CrawlAsync(server, obeyRobots: true);

        server.TotalHits.ShouldBe(hitsAfterFirst, "the second run asked the site nothing");
        server.HitsOf("/robots.txt").ShouldBe(1, "robots.txt is kept and replayed like a page");
        first.Items.Count.ShouldBe(4);
        Titles(second).ShouldBe(Titles(first));
        second.Items.Select(i => i.Url).Order().ShouldBe(first.Items.Select(i => i.Url).Order(), "a redirect replays to the same final URL");
        second.OutcomeOf(server.Url("/private")).SkipReason.ShouldBe(SkipReason.Robots, "the replayed robots.txt still disallows");
        second.OutcomeOf(server.Url("/missing")).FailureReason.ShouldBe(FailureReason.HttpStatus, "a 404 replays as a 404");

        var cache1 = first.Summary.HttpCache.ShouldNotBeNull();
        cache1.Hits.ShouldBe(0);
        cache1.Misses.ShouldBe(hitsAfterFirst);
        cache1.Stored.ShouldBe(hitsAfterFirst);
        var cache2 = second.Summary.HttpCache.ShouldNotBeNull();
        cache2.Hits.ShouldBe(hitsAfterFirst);
        cache2.Misses.ShouldBe(0);
        cache2.Directory.ShouldBe(Path.GetFullPath(_directory));
    }

    [Fact]
    public async Task Without_the_option_there_is_no_cache_and_no_summary_of_it()
    {
        await using var server = await ShopAsync();
        var options = ShopPlan.Options(server.Url("/"));
        await using var engine = Crawls.Engine();

        var first = await Crawls.RunAsync(engine, options);
        var second = await Crawls.RunAsync(engine, options);

        first.Summary.HttpCache.ShouldBeNull();
        server.TotalHits.ShouldBe(2 * (int)first.Summary.Requests, "every run asks the site");
        second.Items.Count.ShouldBe(first.Items.Count);
    }

    [Fact]
    public async Task A_corrupt_or_truncated_entry_is_a_miss_and_is_fetched_again_and_replaced()
    {
        await using var server = await ShopAsync();
        var first = await CrawlAsync(server);
        var entries = Entries();
        entries.Length.ShouldBe((int)first.Summary.HttpCache!.Stored);

        // One entry with a byte of its body changed, one cut short, one that is not an entry at all.
        var changed = File.ReadAllBytes(entries[0]);
        changed[^1] ^= 0x20;
        File.WriteAllBytes(entries[0], changed);
        File.WriteAllBytes(entries[1], File.ReadAllBytes(entries[1])[..^5]);
        File.WriteAllText(entries[2], "not an entry");
        var hitsBefore = server.TotalHits;

        var second = await CrawlAsync(server);

        server.TotalHits.ShouldBe(hitsBefore + 3, "the three damaged entries were fetched again, nothing else");
        second.Summary.HttpCache!.Misses.ShouldBe(3);
        second.Summary.HttpCache.Stored.ShouldBe(3);
        Titles(second).ShouldBe(Titles(first));

        var third = await CrawlAsync(server);
        server.TotalHits.ShouldBe(hitsBefore + 3, "the damaged entries were replaced with whole ones");
        third.Summary.HttpCache!.Misses.ShouldBe(0);
    }

    [Fact]
    public async Task The_size_cap_evicts_the_entries_written_longest_ago()
    {
        await using var server = await TestServer.StartAsync();
        var pages = Enumerable.Range(1, 6).Select(i => $"/p/{i}").ToArray();
        server.MapHtml("/", ShopPlan.ListingHtml([.. pages.Select(ShopPlan.Product)]));
        foreach (var page in pages)
        {
            server.MapHtml(page, ShopPlan.ProductHtml("Book " + page, related: []) + new string(' ', 4000));
        }

        // Room for about three product pages: every run keeps at most that many bytes.
        const long cap = 14_000;
        var first = await CrawlAsync(server, o => o.HttpCache.MaxBytes = cap);

        first.Items.Count.ShouldBe(6);
        var cache = first.Summary.HttpCache!;
        cache.Stored.ShouldBe(7);
        cache.Evicted.ShouldBeGreaterThan(0);
        var kept = Entries();
        kept.Sum(f => new FileInfo(f).Length).ShouldBeLessThanOrEqualTo(cap);
        kept.Length.ShouldBe(7 - (int)cache.Evicted);
        kept.Length.ShouldBeGreaterThan(0);

        // Replayed with room to spare (nothing evicted while it runs): what was kept replays, the rest is asked again.
        var hitsBefore = server.TotalHits;
        var second = await CrawlAsync(server);
        second.Summary.HttpCache!.Hits.ShouldBe(kept.Length);
        second.Summary.HttpCache.Misses.ShouldBe(cache.Evicted);
        server.TotalHits.ShouldBe(hitsBefore + (int)cache.Evicted);
        Titles(second).ShouldBe(Titles(first));
    }

    [Fact]
    public async Task A_body_cut_off_or_a_server_error_is_not_kept_and_is_asked_again()
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/cut"), ShopPlan.Product("/down"), ShopPlan.Product("/zipped")));
        server.Map("/cut", Faults.Truncated(ShopPlan.ProductHtml("Cut") + new string(' ', 10_000)));
        server.Map("/down", Faults.Status(503));
        server.Map("/zipped", Faults.Gzipped(ShopPlan.ProductHtml("Zipped")));

        var first = await CrawlAsync(server, o => o.Retry.MaxAttempts = 1);
        first.OutcomeOf(server.Url("/cut")).FailureReason.ShouldBe(FailureReason.Network);
        first.OutcomeOf(server.Url("/down")).FailureReason.ShouldBe(FailureReason.HttpStatus);
        first.Items.Select(i => i.Title).ShouldBe(["Zipped"]);

        var second = await CrawlAsync(server, o => o.Retry.MaxAttempts = 1);

        server.HitsOf("/cut").ShouldBe(2);
        server.HitsOf("/down").ShouldBe(2);
        server.HitsOf("/zipped").ShouldBe(1, "a compressed body is kept as it came and inflated on replay");
        server.HitsOf("/").ShouldBe(1);
        second.Items.Select(i => i.Title).ShouldBe(["Zipped"]);
        second.Summary.HttpCache!.Hits.ShouldBe(2);
        second.Summary.HttpCache.Misses.ShouldBe(2);
    }

    [Fact]
    public async Task Requests_that_differ_in_a_header_are_different_entries()
    {
        await using var server = await ShopAsync();
        await CrawlAsync(server, o => o.Headers["Accept-Language"] = "en");
        var hitsBefore = server.TotalHits;

        await CrawlAsync(server, o => o.Headers["Accept-Language"] = "fr");
        server.TotalHits.ShouldBe(2 * hitsBefore, "another Accept-Language is another request");

        await CrawlAsync(server, o => o.Headers["Accept-Language"] = "en");
        server.TotalHits.ShouldBe(2 * hitsBefore, "both are kept");
    }

    [Theory]
    [InlineData("", 1, "HttpCache.Directory")]
    [InlineData(" ", 1, "HttpCache.Directory")]
    [InlineData("cache", 0, "HttpCache.MaxBytes")]
    public void Bad_options_are_refused_at_start_up_naming_the_option(string directory, long maxBytes, string option)
    {
        var options = ShopPlan.Options(new Uri("http://127.0.0.1:1/"));
        options.HttpCache.Directory = directory;
        options.HttpCache.MaxBytes = maxBytes;

        Should.Throw<ScrapeOptionsException>(options.Validate).OptionName.ShouldBe(option);
    }

    [Fact]
    public async Task A_directory_that_cannot_be_created_is_refused_at_start_up_naming_the_option()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "a-file");
        await File.WriteAllTextAsync(file, "x");
        var options = ShopPlan.Options(new Uri("http://127.0.0.1:1/"));
        options.HttpCache.Directory = Path.Combine(file, "cache");
        await using var engine = Crawls.Engine();

        Should.Throw<ScrapeOptionsException>(() => engine.Start(ShopPlan.Create(), options)).OptionName.ShouldBe("HttpCache.Directory");
    }

    private static async Task<TestServer> ShopAsync()
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/p/1"), ShopPlan.Product("/p/2"), ShopPlan.Product("/old"), ShopPlan.Product("/private"), ShopPlan.Product("/missing"), ShopPlan.Next("/page-2")))
              .MapHtml("/page-2", ShopPlan.ListingHtml(ShopPlan.Product("/p/4")))
              .MapHtml("/p/1", ShopPlan.ProductHtml("One", "1.50"))
              .MapHtml("/p/2", ShopPlan.ProductHtml("Two", "2.50", "/p/1"))
              .Map("/old", Faults.Redirect("/p/3", 301))
              .MapHtml("/p/3", ShopPlan.ProductHtml("Three"))
              .MapHtml("/p/4", ShopPlan.ProductHtml("Four"))
              .MapHtml("/private", ShopPlan.ProductHtml("Private"));
        return server;
    }

    private async Task<CrawlResult> CrawlAsync(TestServer server, Action<ScrapeOptions>? configure = null, bool obeyRobots = false)
    {
        // A new engine each time: nothing (robots.txt, connections) is carried over but the cache's directory.
        await using var engine = Crawls.Engine();
        var options = ShopPlan.Options(server.Url("/"));
        options.Robots.Obey = obeyRobots;
        options.HttpCache.Directory = _directory;
        configure?.Invoke(options);
        var result = await Crawls.RunAsync(engine, options);
        result.ShouldReconcile();
        return result;
    }

    private string[] Entries() => [.. Directory.GetFiles(_directory, "*" + HttpCacheDirectory.Extension).Order(StringComparer.Ordinal)];

    private static string[] Titles(CrawlResult result) => [.. result.Items.Select(i => i.Title).Order(StringComparer.Ordinal)];
}
