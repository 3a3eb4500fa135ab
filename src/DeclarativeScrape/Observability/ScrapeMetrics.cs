using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace DeclarativeScrape;

/// <summary>
/// Every instrument of the <c>DeclarativeScrape</c> meter (named <c>declarativescrape.*</c>; attributes in
/// <see cref="ScrapeTelemetry"/>). An engine given an <see cref="IMeterFactory"/> (<see cref="EngineOptions.MeterFactory"/>,
/// the container's under the Generic Host) records on that factory's meter; every other engine on one process-wide meter.
/// Recording costs next to nothing while nobody listens. The table in docs/crawling.md lists every instrument.
/// </summary>
internal sealed class ScrapeMetrics
{
    private static readonly ScrapeMetrics Global = new(new Meter(ScrapeTelemetry.Name, ScrapeTelemetry.Version));
    private static readonly ConditionalWeakTable<Meter, ScrapeMetrics> ByMeter = new();

    private readonly ConcurrentDictionary<ScrapeEngine, byte> _engines = new();

    private ScrapeMetrics(Meter meter)
    {
        Meter = meter;
        Requests = meter.CreateCounter<long>("declarativescrape.requests", "{request}", "HTTP requests sent (each attempt and each redirect hop; robots.txt included).");
        Responses = meter.CreateCounter<long>("declarativescrape.responses", "{response}", "HTTP responses received, by status code.");
        Retries = meter.CreateCounter<long>("declarativescrape.retries", "{retry}", "Retried attempts.");
        BytesReceived = meter.CreateCounter<long>("declarativescrape.bytes_received", "By", "Response body bytes read off the wire.");
        RequestDuration = meter.CreateHistogram<double>(
            "declarativescrape.request.duration", "s", "Time from sending a request to its response headers, or to its failure.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
        InFlight = meter.CreateUpDownCounter<long>("declarativescrape.requests.in_flight", "{request}", "Requests in flight.");
        Items = meter.CreateCounter<long>("declarativescrape.items", "{item}", "Items extracted and emitted.");
        Outcomes = meter.CreateCounter<long>("declarativescrape.outcomes", "{url}", "URL outcomes: processed, skipped or failed, with the reason.");
        Failures = meter.CreateCounter<long>("declarativescrape.failures", "{url}", "URLs that failed, by reason.");
        Renders = meter.CreateCounter<long>("declarativescrape.renders", "{page}", "Pages rendered in a browser, by how the render ended.");
        RenderDuration = meter.CreateHistogram<double>("declarativescrape.render.duration", "s", "Time to render a page in a browser, waits and retries included.");
        Subresources = meter.CreateCounter<long>("declarativescrape.render.subresources", "{request}", "Requests made by rendered pages, allowed or blocked.");
        RateLimited = meter.CreateCounter<long>("declarativescrape.rate_limited", "{response}", "Answers read as a rate limit: 429, and 503 when it reads as one.");
        HttpCacheLookups = meter.CreateCounter<long>("declarativescrape.http_cache.lookups", "{request}", "Requests looked up in the development HTTP cache: replayed (hit) or sent to the site (miss).");
        meter.CreateObservableGauge("declarativescrape.host.limit", MeasureHostLimits, "{request}", "Each host's current adaptive concurrency limit.");
        meter.CreateObservableGauge("declarativescrape.host.rate", MeasureHostRates, "{request}/s", "Each host's request rate: learned from its 429/503 answers, or configured.");
        meter.CreateObservableGauge("declarativescrape.queue.depth", MeasureQueues, "{url}", "URLs waiting in the frontier.");
    }

    public Meter Meter { get; }

    /// <summary><c>declarativescrape.requests</c>: server.address, server.port, http.request.method.</summary>
    public Counter<long> Requests { get; }

    /// <summary><c>declarativescrape.responses</c>: server.address, server.port, http.request.method, http.response.status_code, error.type (4xx, 5xx).</summary>
    public Counter<long> Responses { get; }

    /// <summary><c>declarativescrape.retries</c>: server.address, server.port.</summary>
    public Counter<long> Retries { get; }

    /// <summary><c>declarativescrape.bytes_received</c>: server.address, server.port.</summary>
    public Counter<long> BytesReceived { get; }

    /// <summary><c>declarativescrape.request.duration</c>: as <see cref="Responses"/>; a request without a response has error.type only.</summary>
    public Histogram<double> RequestDuration { get; }

    /// <summary><c>declarativescrape.requests.in_flight</c>: server.address, server.port, http.request.method.</summary>
    public UpDownCounter<long> InFlight { get; }

    /// <summary><c>declarativescrape.items</c>: declarativescrape.scraper.</summary>
    public Counter<long> Items { get; }

    /// <summary><c>declarativescrape.outcomes</c>: declarativescrape.scraper, declarativescrape.outcome, and declarativescrape.skip_reason or error.type.</summary>
    public Counter<long> Outcomes { get; }

    /// <summary><c>declarativescrape.failures</c>: declarativescrape.scraper, error.type.</summary>
    public Counter<long> Failures { get; }

    /// <summary><c>declarativescrape.renders</c>: declarativescrape.scraper, declarativescrape.render.status.</summary>
    public Counter<long> Renders { get; }

    /// <summary><c>declarativescrape.render.duration</c>: declarativescrape.scraper, declarativescrape.render.status.</summary>
    public Histogram<double> RenderDuration { get; }

    /// <summary><c>declarativescrape.render.subresources</c>: declarativescrape.render.decision (allowed, blocked).</summary>
    public Counter<long> Subresources { get; }

    /// <summary><c>declarativescrape.rate_limited</c>: server.address, server.port.</summary>
    public Counter<long> RateLimited { get; }

    /// <summary><c>declarativescrape.http_cache.lookups</c>: server.address, server.port, declarativescrape.http_cache.result (hit, miss).</summary>
    public Counter<long> HttpCacheLookups { get; }

    /// <summary>The instruments an engine records on: its factory's meter, or the process-wide one.</summary>
    public static ScrapeMetrics For(IMeterFactory? factory) => factory is null
        ? Global
        : ByMeter.GetValue(factory.Create(new MeterOptions(ScrapeTelemetry.Name) { Version = ScrapeTelemetry.Version }), static meter => new ScrapeMetrics(meter));

    /// <summary>The engine's hosts and runs are observed by the gauges until <see cref="Untrack"/>.</summary>
    public void Track(ScrapeEngine engine) => _engines[engine] = 0;

    public void Untrack(ScrapeEngine engine) => _engines.TryRemove(engine, out _);

    private IEnumerable<Measurement<int>> MeasureHostLimits() => _engines.Keys.SelectMany(static e => e.Hosts.MeasureLimits());

    private IEnumerable<Measurement<double>> MeasureHostRates() => _engines.Keys.SelectMany(static e => e.Hosts.MeasureRates());

    private IEnumerable<Measurement<long>> MeasureQueues() =>
        _engines.Keys.SelectMany(static e => e.Runs).Select(static r => new Measurement<long>(r.Queued, new KeyValuePair<string, object?>(ScrapeTelemetry.Scraper, r.ScraperName)));
}
