using System.Collections.Concurrent;
using System.Diagnostics;
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
        var port = server.BaseUrl.Port;
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

            if ((Equals(dictionary.GetValueOrDefault("server.address"), "127.0.0.1") && Equals(dictionary.GetValueOrDefault("server.port"), port))
                || Equals(dictionary.GetValueOrDefault("declarativescrape.scraper"), "MeteredScraper"))
            {
                measured.Add((instrument.Name, value, dictionary));
            }
        });
        listener.Start();
        await using var engine = Crawls.Engine();

        await Crawls.RunAsync(engine, ShopPlan.Options(server.Url("/")), ShopPlan.Create("MeteredScraper"));

        measured.Where(m => m.Name == "declarativescrape.requests" && Equals(m.Tags["http.request.method"], "GET")).Sum(m => m.Value).ShouldBe(2);
        measured.Where(m => m.Name == "declarativescrape.responses" && Equals(m.Tags["http.response.status_code"], 200)).Sum(m => m.Value).ShouldBe(2);
        measured.Where(m => m.Name == "declarativescrape.bytes_received").Sum(m => m.Value).ShouldBeGreaterThan(0);
        measured.Where(m => m.Name == "declarativescrape.items").Sum(m => m.Value).ShouldBe(1);
        measured.Where(m => m.Name == "declarativescrape.outcomes" && Equals(m.Tags["declarativescrape.outcome"], "Processed")).Sum(m => m.Value).ShouldBe(2);
        measured.Where(m => m.Name == "declarativescrape.requests.in_flight").Sum(m => m.Value).ShouldBe(0);
    }

    [Fact]
    public async Task Each_request_is_a_client_span_and_each_url_a_fetch_span_with_the_semantic_conventions_attributes()
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/p/1"), ShopPlan.Product("/missing")))
              .MapHtml("/p/1", ShopPlan.ProductHtml("One"));
        var prefix = server.BaseUrl.AbsoluteUri;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "DeclarativeScrape",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("url.full") is string url && url.StartsWith(prefix, StringComparison.Ordinal))
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var engine = Crawls.Engine();

        await Crawls.RunAsync(engine, ShopPlan.Options(server.Url("/")));

        var requests = spans.Where(s => s.Kind == ActivityKind.Client).ToList();
        requests.Count.ShouldBe(3);
        foreach (var span in requests)
        {
            span.DisplayName.ShouldBe("GET");
            span.GetTagItem("http.request.method").ShouldBe("GET");
            span.GetTagItem("server.address").ShouldBe("127.0.0.1");
            span.GetTagItem("server.port").ShouldBe(server.BaseUrl.Port);
        }

        var ok = requests.Single(s => Equals(s.GetTagItem("url.full"), server.Url("/p/1").AbsoluteUri));
        ok.GetTagItem("http.response.status_code").ShouldBe(200);
        ok.GetTagItem("error.type").ShouldBeNull();
        ok.Status.ShouldBe(ActivityStatusCode.Unset);
        var missing = requests.Single(s => Equals(s.GetTagItem("url.full"), server.Url("/missing").AbsoluteUri));
        missing.GetTagItem("http.response.status_code").ShouldBe(404);
        missing.GetTagItem("error.type").ShouldBe("404");
        missing.Status.ShouldBe(ActivityStatusCode.Error);

        var fetches = spans.Where(s => s.OperationName == "declarativescrape.fetch").ToList();
        fetches.Count.ShouldBe(3);
        fetches.ShouldAllBe(s => s.Kind == ActivityKind.Internal && Equals(s.GetTagItem("declarativescrape.scraper"), "ShopScraper"));
        var failed = fetches.Single(s => Equals(s.GetTagItem("url.full"), server.Url("/missing").AbsoluteUri));
        failed.GetTagItem("error.type").ShouldBe("HttpStatus");
        failed.Status.ShouldBe(ActivityStatusCode.Error);
        missing.ParentSpanId.ShouldBe(failed.SpanId, "the request is a child of its URL's fetch");
    }

    [Fact]
    public async Task A_refused_connection_records_its_duration_with_the_error_type_and_no_status_code()
    {
        // A port nothing listens on: bind one, note it, free it.
        var free = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        free.Start();
        var refused = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)free.LocalEndpoint).Port}/");
        free.Stop();
        var durations = new ConcurrentQueue<Dictionary<string, object?>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "DeclarativeScrape" && instrument.Name == "declarativescrape.request.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var dictionary = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                dictionary[tag.Key] = tag.Value;
            }

            if (Equals(dictionary.GetValueOrDefault("server.port"), refused.Port))
            {
                durations.Enqueue(dictionary);
            }
        });
        listener.Start();
        await using var engine = Crawls.Engine();
        var options = ShopPlan.Options(refused);
        options.Retry.MaxAttempts = 1;

        await Crawls.RunAsync(engine, options);

        var duration = durations.ShouldHaveSingleItem();
        duration["error.type"].ShouldBe("Network");
        duration.ShouldNotContainKey("http.response.status_code");
        duration["http.request.method"].ShouldBe("GET");
    }

    [Fact]
    public async Task An_engine_given_a_meter_factory_records_on_that_factorys_meter()
    {
        await using var server = await TestServer.StartAsync();
        server.MapHtml("/", ShopPlan.ListingHtml(ShopPlan.Product("/p/1")))
              .MapHtml("/p/1", ShopPlan.ProductHtml("One"));
        using var factory = new TestMeterFactory();
        var scoped = 0L;
        var global = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "DeclarativeScrape" && instrument.Name == "declarativescrape.requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && Equals(tag.Value, server.BaseUrl.Port))
                {
                    Interlocked.Add(ref instrument.Meter.Scope == factory ? ref scoped : ref global, value);
                }
            }
        });
        listener.Start();
        await using var engine = new ScrapeEngine(new EngineOptions { MeterFactory = factory, ParseWorkers = 2 });

        await Crawls.RunAsync(engine, ShopPlan.Options(server.Url("/")));

        factory.Created.ShouldHaveSingleItem().Name.ShouldBe("DeclarativeScrape");
        Interlocked.Read(ref scoped).ShouldBe(2);
        Interlocked.Read(ref global).ShouldBe(0);
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            lock (Created)
            {
                options.Scope = this;
                var meter = new Meter(options);
                Created.Add(meter);
                return meter;
            }
        }

        public void Dispose()
        {
            foreach (var meter in Created)
            {
                meter.Dispose();
            }
        }
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
