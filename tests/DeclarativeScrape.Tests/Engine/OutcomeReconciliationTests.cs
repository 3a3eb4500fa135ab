using DeclarativeScrape.TestSite;

namespace DeclarativeScrape.Tests;

public sealed class OutcomeReconciliationTests
{
    [Fact]
    public async Task A_small_shop_is_crawled_and_every_item_extracted()
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/p/1"), ShopPlan.Product("/p/2"), ShopPlan.Next("/page/2")))
              .MapHtml("/page/2", ShopPlan.ListingHtml(ShopPlan.Product("/p/3")))
              .MapHtml("/p/1", ShopPlan.ProductHtml("One", "1.50"))
              .MapHtml("/p/2", ShopPlan.ProductHtml("Two"))
              .MapHtml("/p/3", ShopPlan.ProductHtml("Three", null));
        await using var engine = Crawls.Engine();

        var result = await Crawls.RunAsync(engine, ShopPlan.Options(server.Url("/")));

        result.Items.Select(i => i.Title).Order().ShouldBe(["One", "Three", "Two"]);
        result.Items.Single(i => i.Title == "One").Price.ShouldBe(1.50m);
        result.Items.Single(i => i.Title == "Three").Price.ShouldBeNull();
        result.Summary.Completed.ShouldBeTrue();
        result.Summary.Processed.ShouldBe(5);
        result.ShouldReconcile();
        await engine.DisposeAsync();
        (await server.WaitForConnectionsAsync(atMost: 0, TimeSpan.FromSeconds(10))).ShouldBeTrue("the engine's disposal closes its connections");
    }

    [Fact]
    public async Task Duplicates_scope_invalid_links_depth_and_max_pages_each_get_one_outcome_and_counts_reconcile()
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(
                  ShopPlan.Product("/p/1"),
                  ShopPlan.Product("/p/1#reviews"),           // duplicate after canonicalization
                  ShopPlan.Product("http://elsewhere.invalid/p/9"), // out of scope
                  ShopPlan.Product("mailto:shop@example.com"), // invalid
                  ShopPlan.Next("/page/2")))
              .MapHtml("/page/2", ShopPlan.ListingHtml(ShopPlan.Product("/p/2"), ShopPlan.Next("/page/3")))
              .MapHtml("/page/3", ShopPlan.ListingHtml(ShopPlan.Product("/p/3"), ShopPlan.Product("/p/4")))
              .MapHtml("/p/1", ShopPlan.ProductHtml("One", "1", "/p/2", "/"))
              .MapHtml("/p/2", ShopPlan.ProductHtml("Two"))
              .MapHtml("/p/3", ShopPlan.ProductHtml("Three"))
              .MapHtml("/p/4", ShopPlan.ProductHtml("Four"));
        var options = ShopPlan.Options(server.Url("/"));
        options.Limits.MaxDepth = 2;   // /page/3 is depth 2; its products (depth 3) are too deep
        options.Limits.MaxPages = 5;
        await using var engine = Crawls.Engine();

        var result = await Crawls.RunAsync(engine, options);

        result.ShouldReconcile();
        result.Outcomes.Where(o => o.Url == server.Url("/p/1").AbsoluteUri).Select(o => o.Kind).Order()
            .ShouldBe([OutcomeKind.Processed, OutcomeKind.Skipped]); // once fetched, once a duplicate (/p/1#reviews)
        result.Outcomes.Count(o => o.SkipReason == SkipReason.Duplicate).ShouldBe(3); // /p/1#reviews, /p/2 and / again from /p/1
        result.Outcomes.Single(o => o.SkipReason == SkipReason.OutOfScope).Url.ShouldBe("http://elsewhere.invalid/p/9");
        result.Outcomes.Single(o => o.SkipReason == SkipReason.InvalidUrl).Url.ShouldBe("mailto:shop@example.com");
        result.Outcomes.Where(o => o.SkipReason == SkipReason.MaxDepth).Select(o => o.Url).Order()
            .ShouldBe([server.Url("/p/3").AbsoluteUri, server.Url("/p/4").AbsoluteUri]);
        result.Summary.SkippedByReason.Keys.ShouldContain(SkipReason.Duplicate);
        server.HitsOf("/p/3").ShouldBe(0);
    }

    [Fact]
    public async Task Max_pages_stops_admitting_new_urls()
    {
        await using var server = await TestServer.StartAsync();
        var links = Enumerable.Range(1, 10).Select(i => ShopPlan.Product($"/p/{i}")).ToArray();
        server.MapHtml("/", ShopPlan.ListingHtml(links));
        for (var i = 1; i <= 10; i++)
        {
            server.MapHtml($"/p/{i}", ShopPlan.ProductHtml($"P{i}"));
        }

        var options = ShopPlan.Options(server.Url("/"));
        options.Limits.MaxPages = 4;
        await using var engine = Crawls.Engine();

        var result = await Crawls.RunAsync(engine, options);

        result.ShouldReconcile();
        result.Summary.Processed.ShouldBe(4);
        result.Summary.SkippedByReason[SkipReason.MaxPages].ShouldBe(7);
        server.TotalHits.ShouldBe(4);
    }
}
