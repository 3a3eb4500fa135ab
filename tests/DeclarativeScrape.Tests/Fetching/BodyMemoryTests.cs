using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests;

/// <summary>A burst of hostile bodies at high concurrency: the process's memory stays within the body budget.</summary>
[Collection(nameof(AllocationMeasurements))]
public sealed class BodyMemoryTests
{
    private const long Cap = 8L << 20;
    private const long Budget = 24L << 20;
    private const int EachKind = 32;

    [Fact]
    public async Task Gzip_bombs_and_huge_bodies_at_64_in_flight_stay_within_the_body_budget()
    {
        await using var server = await TestServer.StartAsync();
        var links = new List<string>();
        for (var i = 0; i < EachKind; i++)
        {
            server.Map($"/bomb/{i}", Faults.GzipBomb())
                  .Map($"/huge/{i}", Faults.Huge(50L << 20, announceLength: false))
                  .MapHtml($"/ok/{i}", ShopPlan.ProductHtml($"Fine {i}"));
            links.Add(ShopPlan.Product($"/bomb/{i}"));
            links.Add(ShopPlan.Product($"/huge/{i}"));
            links.Add(ShopPlan.Product($"/ok/{i}"));
        }

        server.MapHtml("/", ShopPlan.ListingHtml([.. links]));
        Faults.PrepareGzipBomb();
        await using var engine = Crawls.Engine();
        await Crawls.WarmUpAsync(engine);
        var options = ShopPlan.Options(server.Url("/"));
        options.Concurrency.Max = 64;
        options.Concurrency.PerHost = 64;
        options.Retry.MaxAttempts = 1;
        options.Limits.MaxResponseBytes = Cap;
        options.Limits.MaxDecompressedBytes = Cap;
        options.Limits.BodyBudgetBytes = Budget;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var setBefore = Environment.WorkingSet;
        long heapPeak = heapBefore, setPeak = setBefore, budgetPeak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
            while (await tick.WaitForNextTickAsync(sampling.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result))
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(forceFullCollection: false));
                setPeak = Math.Max(setPeak, Environment.WorkingSet);
                budgetPeak = Math.Max(budgetPeak, engine.Bodies.Used);
            }
        });

        var result = await Crawls.RunAsync(engine, options);
        await sampling.CancelAsync();
        await sampler;

        result.ShouldReconcile();
        for (var i = 0; i < EachKind; i++)
        {
            result.OutcomeOf(server.Url($"/bomb/{i}")).FailureReason.ShouldBe(FailureReason.TooLarge);
            result.OutcomeOf(server.Url($"/huge/{i}")).FailureReason.ShouldBe(FailureReason.TooLarge);
            result.OutcomeOf(server.Url($"/ok/{i}")).Kind.ShouldBe(OutcomeKind.Processed);
        }

        engine.Bodies.Used.ShouldBe(0, "every body's budget is given back");
        budgetPeak.ShouldBeLessThanOrEqualTo(Budget);
        var heapGrowth = heapPeak - heapBefore;
        var setGrowth = setPeak - setBefore;
        // Without the budget, 64 bodies of up to 8 MiB each could hold 512 MiB at once. The allowance above the budget
        // is the rest of the process at work (measured: about 30 MiB of heap): the server's side, sockets, decompressors.
        heapGrowth.ShouldBeLessThan(Budget + (64L << 20), $"the managed heap grew by {heapGrowth >> 20} MiB (budget {Budget >> 20} MiB)");
        setGrowth.ShouldBeLessThan(Budget + (128L << 20), $"the working set grew by {setGrowth >> 20} MiB (budget {Budget >> 20} MiB)");
    }
}
