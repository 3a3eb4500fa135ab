using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DeclarativeScrape.Extensions.Hosting;
using DeclarativeScrape.TestSite;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeclarativeScrape.Hosting.Tests.GenericHost;

/// <summary>DeclarativeScrape in a real Generic Host: configuration, validation on start, logging and metrics from the container, the background runner and its shutdown.</summary>
public sealed class GenericHostTests
{
    [Fact]
    public async Task A_background_scraper_binds_appsettings_and_the_command_line_hands_items_to_its_handler_and_stops_the_host_when_done()
    {
        await using var server = await TestServer.StartAsync();
        var headers = new ConcurrentQueue<string>();
        server.Map("/", ctx =>
        {
            headers.Enqueue(ctx.Request.Headers["X-Shelf"].ToString());
            return Faults.Html(HostFixture.Shelf("/b/1", "/b/2", "/b/3", "/b/4"))(ctx);
        });
        foreach (var i in Enumerable.Range(1, 4))
        {
            server.MapHtml($"/b/{i}", HostFixture.Book($"Book {i}"));
        }

        var logs = new CapturedLogs();
        var settings = HostFixture.Settings(server, new Dictionary<string, object>
        {
            ["Headers"] = new Dictionary<string, string> { ["X-Shelf"] = "from appsettings" },
            ["Limits"] = new Dictionary<string, object> { ["MaxPages"] = 100 },
        });
        var builder = HostFixture.Builder(settings, logs, "--DeclarativeScrape:Scrapers:ShelfScraper:Limits:MaxPages=3");
        builder.Services.AddDeclarativeScrape()
            .AddScraper(ShelfScraper.Plan)
            .AddItemHandler<CollectBook>()
            .RunInBackground();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<Scraper<ShelfBook>>().CreateOptions();
        options.StartUrls.ShouldBe([server.Url("/")], "configuration replaces the attribute's start URL, it does not add to it");
        options.Limits.MaxPages.ShouldBe(3, "the command line wins over appsettings.json");
        options.Concurrency.PerHost.ShouldBe(1, "what configuration does not give keeps the attribute's value");

        var titles = host.Services.GetRequiredService<CollectedBooks>().Titles;
        await host.RunAsync().WaitAsync(HostFixture.Bound);   // returns because the scraper stops the host when done

        titles.Count.ShouldBe(2, "MaxPages = 3: the shelf and two books");
        titles.ShouldAllBe(t => t.StartsWith("Book ", StringComparison.Ordinal));
        headers.ShouldBe(["from appsettings"]);
        logs.Messages.ShouldContain(m => m.Category == "DeclarativeScrape" && m.Text.Contains("ShelfScraper starting"), "the engine logs through the host's logging");
        logs.Messages.ShouldContain(m => m.Text.Contains("ShelfScraper finished: 2 items"));
    }

    [Fact]
    public async Task The_engine_records_its_metrics_on_the_hosts_meter_factory_and_is_one_singleton()
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", HostFixture.Shelf("/b/1")).MapHtml("/b/1", HostFixture.Book("One"));
        var builder = HostFixture.Builder(HostFixture.Settings(server), new CapturedLogs());
        builder.Services.AddDeclarativeScrape().AddScraper(ShelfScraper.Plan);
        using var host = builder.Build();
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var requests = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "declarativescrape.requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref requests, value));
        listener.Start();
        await host.StartAsync();

        var scraper = host.Services.GetRequiredService<Scraper<ShelfBook>>();
        var books = new List<ShelfBook>();
        await foreach (var book in scraper.RunAsync().WithCancellation(new CancellationTokenSource(HostFixture.Bound).Token))
        {
            books.Add(book);
        }

        books.ShouldHaveSingleItem().Title.ShouldBe("One");
        scraper.CreateOptions().Engine.ShouldBeSameAs(host.Services.GetRequiredService<ScrapeEngine>());
        host.Services.GetRequiredKeyedService<Scraper<ShelfBook>>("ShelfScraper").ShouldBeSameAs(scraper);
        Interlocked.Read(ref requests).ShouldBeGreaterThanOrEqualTo(2, "the shelf and the book (and robots.txt), on the host's meter");
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Scrapers", "Concurrency", "PerHost", "0", "DeclarativeScrape:Scrapers:ShelfScraper:Concurrency:PerHost")]
    [InlineData("Scrapers", "StartUrls", "0", "not a url", "DeclarativeScrape:Scrapers:ShelfScraper:StartUrls:0")]
    [InlineData("Engine", null, "MaxConcurrency", "0", "DeclarativeScrape:Engine:MaxConcurrency")]
    public async Task A_bad_value_in_configuration_stops_the_start_naming_its_key(string part, string? group, string option, string value, string key)
    {
        await using var server = await TestServer.StartAsync();
        var path = part == "Engine" ? $"DeclarativeScrape:Engine:{option}" : $"DeclarativeScrape:Scrapers:ShelfScraper:{group}:{option}";
        var builder = HostFixture.Builder(HostFixture.Settings(server), new CapturedLogs(), $"--{path}={value}");
        builder.Services.AddDeclarativeScrape().AddScraper(ShelfScraper.Plan).RunInBackground();
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain($"Option '{key}'");
        server.TotalHits.ShouldBe(0, "nothing is fetched before the options are valid");
    }

    [Fact]
    public async Task Stopping_the_host_lets_the_request_in_flight_finish_and_sends_no_new_one()
    {
        await using var server = await TestServer.StartAsync();
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.MapHtml("/", HostFixture.Shelf("/b/slow", "/b/next"))
              .Map("/b/slow", async ctx =>
              {
                  requested.TrySetResult();
                  await release.Task.WaitAsync(ctx.RequestAborted);
                  await Faults.Html(HostFixture.Book("Slow"))(ctx);
              })
              .MapHtml("/b/next", HostFixture.Book("Next"));
        var logs = new CapturedLogs();
        var builder = HostFixture.Builder(HostFixture.Settings(server), logs);
        builder.Services.AddDeclarativeScrape()
            .AddScraper(ShelfScraper.Plan)
            .AddItemHandler<CollectBook>()
            .RunInBackground(o => o.StopApplicationWhenDone = false);
        using var host = builder.Build();
        await host.StartAsync();
        await requested.Task.WaitAsync(HostFixture.Bound);

        var stopping = host.StopAsync();
        await logs.WaitForAsync("ShelfScraper sends no new requests");
        release.SetResult();
        await stopping.WaitAsync(HostFixture.Bound);

        string.Join(",", host.Services.GetRequiredService<CollectedBooks>().Titles).ShouldBe("Slow", "the request in flight finished and its item was handled");
        server.HitsOf("/b/next").ShouldBe(0, "nothing new is sent once the host stops");
        logs.Messages.ShouldNotContain(m => m.Text.Contains("shutdown timeout ran out"));
    }

    [Fact]
    public async Task When_the_hosts_shutdown_timeout_runs_out_before_the_drain_the_requests_in_flight_are_cancelled()
    {
        await using var server = await TestServer.StartAsync();
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.MapHtml("/", HostFixture.Shelf("/b/hung"))
              .Map("/b/hung", ctx =>
              {
                  requested.TrySetResult();
                  return Faults.NeverRespond()(ctx);
              });
        var logs = new CapturedLogs();
        var settings = HostFixture.Settings(server, new Dictionary<string, object>
        {
            ["Timeouts"] = new Dictionary<string, object> { ["Drain"] = "00:10:00", ["Request"] = "00:10:00", ["ReadIdle"] = "00:10:00" },
        });
        var builder = HostFixture.Builder(settings, logs);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.Services.AddDeclarativeScrape()
            .AddScraper(ShelfScraper.Plan)
            .RunInBackground(o => o.StopApplicationWhenDone = false);
        using var host = builder.Build();
        await host.StartAsync();
        await requested.Task.WaitAsync(HostFixture.Bound);

        await host.StopAsync().WaitAsync(HostFixture.Bound);

        await logs.WaitForAsync("ShelfScraper stopped");
        logs.Messages.ShouldContain(m => m.Level == LogLevel.Warning && m.Text.Contains("shutdown timeout ran out before ShelfScraper drained"));
    }
}
