using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DeclarativeScrape.TestSite;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.Tests;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task A_run_logs_its_start_its_end_and_each_failure()
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/missing")));
        var provider = new CapturingProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Debug));
        await using var engine = new ScrapeEngine(new EngineOptions { LoggerFactory = factory });

        await Crawls.RunAsync(engine, ShopPlan.Options(server.Url("/")));

        provider.Messages.ShouldContain(m => m.Level == LogLevel.Information && m.Text.Contains("ShopScraper starting"));
        provider.Messages.ShouldContain(m => m.Level == LogLevel.Information && m.Text.Contains("ShopScraper finished"));
        provider.Messages.ShouldContain(m => m.Level == LogLevel.Warning && m.Text.Contains("/missing") && m.Text.Contains("HttpStatus"));
        provider.Messages.ShouldContain(m => m.Level == LogLevel.Debug && m.Text.Contains("-> 404"));
    }

    [Fact]
    public async Task Instruments_named_declarativescrape_record_requests_responses_and_outcomes_with_their_tags()
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/p/1")))
              .MapHtml("/p/1", ShopPlan.ProductHtml("One"));
        var host = server.BaseUrl.Authority;
        var measured = new ConcurrentBag<(string Name, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "DeclarativeScrape")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var dictionary = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                dictionary[tag.Key] = tag.Value;
            }

            if (Equals(dictionary.GetValueOrDefault("host"), host) || Equals(dictionary.GetValueOrDefault("scraper"), "MeteredScraper"))
            {
                measured.Add((instrument.Name, value, dictionary));
            }
        });
        listener.Start();
        await using var engine = Crawls.Engine();

        await Crawls.RunAsync(engine, ShopPlan.Options(server.Url("/")), ShopPlan.Create("MeteredScraper"));

        measured.Where(m => m.Name == "declarativescrape.requests").Sum(m => m.Value).ShouldBe(2);
        measured.Where(m => m.Name == "declarativescrape.responses" && Equals(m.Tags["status"], 200)).Sum(m => m.Value).ShouldBe(2);
        measured.Where(m => m.Name == "declarativescrape.bytes_received").Sum(m => m.Value).ShouldBeGreaterThan(0);
        measured.Where(m => m.Name == "declarativescrape.items").Sum(m => m.Value).ShouldBe(1);
        measured.Where(m => m.Name == "declarativescrape.outcomes" && Equals(m.Tags["outcome"], "Processed")).Sum(m => m.Value).ShouldBe(2);
        measured.Where(m => m.Name == "declarativescrape.requests.in_flight").Sum(m => m.Value).ShouldBe(0);
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
