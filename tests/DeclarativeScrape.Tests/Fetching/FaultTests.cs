using DeclarativeScrape.TestSite;
using Microsoft.AspNetCore.Http;

namespace DeclarativeScrape.Tests;

public sealed class FaultTests
{
    private static async Task<(CrawlResult Result, UrlOutcome Outcome, TestServer Server)> CrawlOneAsync(
        RequestDelegate behaviour, Action<ScrapeOptions>? configure = null, string path = "/item")
    {
        var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product(path)));
        server.Map(path, behaviour);
        var options = ShopPlan.Options(server.Url("/"));
        configure?.Invoke(options);
        var engine = Crawls.Engine();
        var result = await Crawls.RunAsync(engine, options);
        result.ShouldReconcile();

        // A failed attempt's connection is closed, not pooled: only healthy keep-alive connections remain open ...
        (await server.WaitForConnectionsAsync(atMost: 2, TimeSpan.FromSeconds(10))).ShouldBeTrue($"{server.OpenConnections} connections still open after the run");

        // ... and the engine's disposal closes those.
        await engine.DisposeAsync();
        (await server.WaitForConnectionsAsync(atMost: 0, TimeSpan.FromSeconds(10))).ShouldBeTrue($"{server.OpenConnections} connections still open after the engine's disposal");
        return (result, result.Outcomes.First(o => o.Url == server.Url(path).AbsoluteUri), server);
    }

    [Fact]
    public async Task A_503_then_success_is_retried_and_extracted()
    {
        var (result, outcome, server) = await CrawlOneAsync(TestServer_Sequence(Faults.Status(503, "0"), Faults.Html(ShopPlan.ProductHtml("Back"))));
        await using var _ = server;

        outcome.Kind.ShouldBe(OutcomeKind.Processed);
        outcome.Attempts.ShouldBe(2);
        result.Items.ShouldHaveSingleItem().Title.ShouldBe("Back");
        result.Summary.Retries.ShouldBe(1);
    }

    [Fact]
    public async Task A_connection_reset_then_success_is_retried()
    {
        var (result, outcome, server) = await CrawlOneAsync(TestServer_Sequence(Faults.Reset(), Faults.Reset(), Faults.Html(ShopPlan.ProductHtml("Steady"))));
        await using var _ = server;

        outcome.Kind.ShouldBe(OutcomeKind.Processed);
        outcome.Attempts.ShouldBe(3);
        result.Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_connection_that_always_resets_fails_with_network_after_the_attempts()
    {
        var (_, outcome, server) = await CrawlOneAsync(Faults.Reset(), o => o.Retry.MaxAttempts = 3);
        await using var _ = server;

        outcome.Kind.ShouldBe(OutcomeKind.Failed);
        outcome.FailureReason.ShouldBe(FailureReason.Network);
        outcome.Attempts.ShouldBe(3);
        outcome.Message.ShouldNotBeNullOrEmpty();
        server.HitsOf("/item").ShouldBe(3);
    }

    [Fact]
    public async Task A_response_that_never_starts_fails_with_idle_timeout()
    {
        var (_, outcome, server) = await CrawlOneAsync(Faults.NeverRespond(), o =>
        {
            o.Retry.MaxAttempts = 1;
            o.Timeouts.ReadIdle = TimeSpan.FromMilliseconds(300);
            o.Timeouts.Request = TimeSpan.FromSeconds(20);
        });
        await using var _ = server;

        outcome.FailureReason.ShouldBe(FailureReason.IdleTimeout);
        outcome.Message!.ShouldContain("ReadIdle");
    }

    [Fact]
    public async Task A_body_that_stalls_midway_is_cut_by_the_idle_timeout_well_before_the_total()
    {
        var (result, outcome, server) = await CrawlOneAsync(Faults.StallAfter("<html><body><h1>Half"), o =>
        {
            o.Retry.MaxAttempts = 1;
            o.Timeouts.ReadIdle = TimeSpan.FromMilliseconds(300);
            o.Timeouts.Request = TimeSpan.FromSeconds(25);
        });
        await using var _ = server;

        outcome.FailureReason.ShouldBe(FailureReason.IdleTimeout);
        outcome.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        result.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_slow_drip_that_keeps_sending_finishes_despite_a_short_idle_timeout()
    {
        // 25 chunks 100 ms apart (2.5 s in all) against an idle timeout of 1.5 s: 15 times the gap, so a busy machine
        // does not make a healthy drip look stalled.
        var html = ShopPlan.ProductHtml("Drip").PadRight(500);
        var (result, outcome, server) = await CrawlOneAsync(Faults.Drip(html, chunk: 20, TimeSpan.FromMilliseconds(100)), o =>
        {
            o.Retry.MaxAttempts = 1;
            o.Timeouts.ReadIdle = TimeSpan.FromMilliseconds(1500);
        });
        await using var _ = server;

        outcome.Kind.ShouldBe(OutcomeKind.Processed);
        outcome.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(1500)); // longer than one idle timeout in all
        result.Items.ShouldHaveSingleItem().Title.ShouldBe("Drip");
    }

    [Fact]
    public async Task A_truncated_body_fails_with_network_and_yields_no_item()
    {
        var (result, outcome, server) = await CrawlOneAsync(Faults.Truncated(ShopPlan.ProductHtml("Cut") + new string('x', 4000)), o => o.Retry.MaxAttempts = 2);
        await using var _ = server;

        outcome.FailureReason.ShouldBe(FailureReason.Network);
        outcome.Attempts.ShouldBe(2);
        result.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Malformed_html_is_parsed_leniently_and_its_item_extracted()
    {
        const string html = "<html><body><div><h1>Broken &amp markup<p class=price>3.25<span></div></b></i><table><tr><td>x</body>";
        var (result, outcome, server) = await CrawlOneAsync(Faults.Html(html));
        await using var _ = server;

        outcome.Kind.ShouldBe(OutcomeKind.Processed);
        result.Items.ShouldHaveSingleItem().Price.ShouldBe(3.25m);
    }

    [Fact]
    public async Task A_redirect_loop_fails_with_too_many_redirects()
    {
        var (result, outcome, server) = await CrawlOneAsync(Faults.Redirect("/item"), o => o.Retry.MaxAttempts = 1);
        await using var _ = server;

        outcome.FailureReason.ShouldBe(FailureReason.TooManyRedirects);
        outcome.Message!.ShouldContain("loop");
        result.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_redirect_chain_longer_than_the_limit_fails_with_too_many_redirects()
    {
        var server = await TestServer.StartAsync();
        await using var _ = server;
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/r/0")));
        for (var i = 0; i < 10; i++)
        {
            server.Map($"/r/{i}", Faults.Redirect($"/r/{i + 1}"));
        }

        var options = ShopPlan.Options(server.Url("/"));
        options.Limits.MaxRedirects = 3;
        await using var engine = Crawls.Engine();
        var result = await Crawls.RunAsync(engine, options);

        result.OutcomeOf(server.Url("/r/0")).FailureReason.ShouldBe(FailureReason.TooManyRedirects);
        server.HitsOf("/r/4").ShouldBe(0);
    }

    [Fact]
    public async Task A_redirect_out_of_the_allowed_hosts_is_skipped_as_out_of_scope_naming_the_target()
    {
        var (result, outcome, server) = await CrawlOneAsync(Faults.Redirect("http://elsewhere.invalid/landing"));
        await using var _ = server;

        outcome.Kind.ShouldBe(OutcomeKind.Skipped);
        outcome.SkipReason.ShouldBe(SkipReason.OutOfScope);
        outcome.Message!.ShouldContain("http://elsewhere.invalid/landing");
        result.Summary.Failed.ShouldBe(0);
    }

    [Fact]
    public async Task A_redirect_within_the_host_is_followed_and_the_final_url_recorded()
    {
        var server = await TestServer.StartAsync();
        await using var _ = server;
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/old")))
              .Map("/old", Faults.Redirect("/new", 301))
              .MapHtml("/new", ShopPlan.ProductHtml("Moved"));
        await using var engine = Crawls.Engine();

        var result = await Crawls.RunAsync(engine, ShopPlan.Options(server.Url("/")));

        var outcome = result.OutcomeOf(server.Url("/old"));
        outcome.Kind.ShouldBe(OutcomeKind.Processed);
        outcome.FinalUrl.ShouldBe(server.Url("/new").AbsoluteUri);
        result.Items.ShouldHaveSingleItem().Url.ShouldBe(server.Url("/new").AbsoluteUri);
    }

    [Fact]
    public async Task A_non_html_response_is_skipped_as_not_html_with_its_content_type_without_reading_it()
    {
        var (_, outcome, server) = await CrawlOneAsync(Faults.Text("{\"a\":1}"));
        await using var _ = server;

        outcome.Kind.ShouldBe(OutcomeKind.Skipped);
        outcome.SkipReason.ShouldBe(SkipReason.NotHtml);
        outcome.FailureReason.ShouldBe(FailureReason.None);
        outcome.Message!.ShouldContain("application/json");
    }

    [Fact]
    public async Task A_404_fails_with_its_status_and_is_not_retried()
    {
        var (_, outcome, server) = await CrawlOneAsync(Faults.Status(404));
        await using var _ = server;

        outcome.FailureReason.ShouldBe(FailureReason.HttpStatus);
        outcome.StatusCode.ShouldBe(404);
        outcome.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task A_gzipped_page_is_inflated_and_extracted()
    {
        var (result, outcome, server) = await CrawlOneAsync(Faults.Gzipped(ShopPlan.ProductHtml("Packed", "7")));
        await using var _ = server;

        outcome.Kind.ShouldBe(OutcomeKind.Processed);
        result.Items.ShouldHaveSingleItem().Title.ShouldBe("Packed");
    }

    [Fact]
    public async Task An_extractor_that_throws_fails_its_url_not_the_run_and_its_links_are_still_followed()
    {
        var server = await TestServer.StartAsync();
        await using var _ = server;
        server.MapHtml("/", ShopPlan.ListingHtml("<a class=broken href=\"/broken\">b</a>", ShopPlan.Product("/p/1")))
              .MapHtml("/broken", ShopPlan.ListingHtml(ShopPlan.Product("/p/2")))
              .MapHtml("/p/1", ShopPlan.ProductHtml("One"))
              .MapHtml("/p/2", ShopPlan.ProductHtml("Two"));
        await using var engine = Crawls.Engine();

        var result = await Crawls.RunAsync(engine, ShopPlan.Options(server.Url("/")));

        var broken = result.OutcomeOf(server.Url("/broken"));
        broken.FailureReason.ShouldBe(FailureReason.Extraction);
        broken.Message!.ShouldContain("FormatException");
        result.Items.Select(i => i.Title).Order().ShouldBe(["One", "Two"]);
        result.Summary.Completed.ShouldBeTrue();
        result.ShouldReconcile();
    }

    [Fact]
    public async Task A_missing_required_value_fails_extraction_naming_property_and_selector()
    {
        var (result, outcome, server) = await CrawlOneAsync(Faults.Html("<html><body><p class=price>1</p></body></html>"));
        await using var _ = server;

        outcome.FailureReason.ShouldBe(FailureReason.Extraction);
        var failure = outcome.ExtractionFailures.ShouldHaveSingleItem();
        failure.Property.ShouldBe("Title");
        failure.Selector.ShouldBe("h1");
        result.Items.ShouldBeEmpty();
    }

    private static RequestDelegate TestServer_Sequence(params RequestDelegate[] handlers)
    {
        var count = -1;
        return ctx => handlers[Math.Min(Interlocked.Increment(ref count), handlers.Length - 1)](ctx);
    }
}
