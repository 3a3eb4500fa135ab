using DeclarativeScrape.TestSite;
using Microsoft.AspNetCore.Http;

namespace DeclarativeScrape.Tests;

[Collection(nameof(AllocationMeasurements))]
public sealed class SizeCapTests
{
    private const long FiftyMegabytes = 50L << 20;

    [Theory]
    [InlineData(true)]   // refused up front from Content-Length
    [InlineData(false)]  // chunked: cut while streaming
    public async Task A_50_MB_body_over_the_cap_fails_as_too_large_with_bounded_allocations(bool announceLength)
    {
        var cap = 4L << 20;
        var (outcome, allocated, server) = await CrawlMeasuredAsync(Faults.Huge(FiftyMegabytes, announceLength), o => o.Limits.MaxResponseBytes = cap);
        await using var _ = server;

        outcome.FailureReason.ShouldBe(FailureReason.TooLarge);
        outcome.Message!.ShouldContain(announceLength ? "Content-Length" : "MaxResponseBytes");
        allocated.ShouldBeLessThan(4 * cap, $"allocated {allocated:N0} bytes for a {FiftyMegabytes:N0}-byte body capped at {cap:N0}");
    }

    [Fact]
    public async Task A_gzip_bomb_fails_as_too_large_with_bounded_allocations()
    {
        var cap = 4L << 20;
        var (outcome, allocated, server) = await CrawlMeasuredAsync(Faults.GzipBomb(), o => o.Limits.MaxDecompressedBytes = cap);
        await using var _ = server;

        outcome.FailureReason.ShouldBe(FailureReason.TooLarge);
        outcome.Message!.ShouldContain("MaxDecompressedBytes");
        allocated.ShouldBeLessThan(6 * cap, $"allocated {allocated:N0} bytes for a bomb inflating to 1 GiB, capped at {cap:N0}");
    }

    private static async Task<(UrlOutcome Outcome, long Allocated, TestServer Server)> CrawlMeasuredAsync(RequestDelegate behaviour, Action<ScrapeOptions> configure)
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/big")));
        server.Map("/big", behaviour);
        await using var engine = Crawls.Engine();

        // Warm up the server-side fault (the bomb is built once) and the runtime's code paths on a small page.
        using (var client = new HttpClient())
        {
            using var warm = await client.GetAsync(server.Url("/"));
        }

        var options = ShopPlan.Options(server.Url("/"));
        options.Retry.MaxAttempts = 1;
        configure(options);
        Faults.PrepareGzipBomb();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await Crawls.RunAsync(engine, options);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        result.ShouldReconcile();
        (await server.WaitForConnectionsAsync(atMost: 1, TimeSpan.FromSeconds(10))).ShouldBeTrue("the refused body's connection is closed");
        return (result.OutcomeOf(server.Url("/big")), allocated, server);
    }
}

/// <summary>Allocation measurements run one at a time (the counter is process-wide).</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;
