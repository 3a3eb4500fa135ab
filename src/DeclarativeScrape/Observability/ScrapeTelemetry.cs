using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DeclarativeScrape;

/// <summary>
/// The library's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named <c>DeclarativeScrape</c>,
/// and every instrument (named <c>declarativescrape.*</c>, tagged with <c>host</c>, <c>status</c>, <c>outcome</c>,
/// <c>reason</c> and <c>scraper</c>). Recording costs next to nothing while nobody listens.
/// </summary>
internal static class ScrapeTelemetry
{
    public const string Name = "DeclarativeScrape";

    public static readonly ActivitySource ActivitySource = new(Name, typeof(ScrapeTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(Name, typeof(ScrapeTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>HTTP requests sent (each attempt and each redirect hop; robots.txt included). Tag: host.</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("declarativescrape.requests", "{request}", "HTTP requests sent.");

    /// <summary>HTTP responses received. Tags: host, status.</summary>
    public static readonly Counter<long> Responses = Meter.CreateCounter<long>("declarativescrape.responses", "{response}", "HTTP responses received, by status code.");

    /// <summary>Attempts after the first. Tag: host.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("declarativescrape.retries", "{retry}", "Retried attempts.");

    /// <summary>Body bytes read off the wire. Tag: host.</summary>
    public static readonly Counter<long> BytesReceived = Meter.CreateCounter<long>("declarativescrape.bytes_received", "By", "Response body bytes read off the wire.");

    /// <summary>Time from sending a request to its response headers. Tags: host, status.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("declarativescrape.request.duration", "s", "Time from sending a request to its response headers.");

    /// <summary>Requests in flight. Tag: host.</summary>
    public static readonly UpDownCounter<long> InFlight = Meter.CreateUpDownCounter<long>("declarativescrape.requests.in_flight", "{request}", "Requests in flight.");

    /// <summary>Items emitted. Tag: scraper.</summary>
    public static readonly Counter<long> Items = Meter.CreateCounter<long>("declarativescrape.items", "{item}", "Items extracted and emitted.");

    /// <summary>URL outcomes. Tags: scraper, outcome, reason.</summary>
    public static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("declarativescrape.outcomes", "{url}", "URL outcomes: processed, skipped or failed, with the reason.");

    /// <summary>Failed URLs. Tags: scraper, reason.</summary>
    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("declarativescrape.failures", "{url}", "URLs that failed, by reason.");

    /// <summary><c>declarativescrape.renders</c>: pages rendered in a browser, by status (Rendered, TimedOut, Crashed, Failed, Cancelled).</summary>
    public static readonly Counter<long> Renders = Meter.CreateCounter<long>("declarativescrape.renders", "{page}", "Pages rendered in a browser, by how the render ended.");

    /// <summary><c>declarativescrape.render.duration</c>: time from handing a page to the browser to its rendered HTML.</summary>
    public static readonly Histogram<double> RenderDuration = Meter.CreateHistogram<double>("declarativescrape.render.duration", "s", "Time to render a page in a browser, waits and retries included.");

    /// <summary><c>declarativescrape.render.subresources</c>: requests of rendered pages, by decision (allowed, blocked).</summary>
    public static readonly Counter<long> Subresources = Meter.CreateCounter<long>("declarativescrape.render.subresources", "{request}", "Requests made by rendered pages, allowed or blocked.");

    private static readonly ConcurrentDictionary<ScrapeEngine, byte> Engines = new();

    /// <summary>Each used host's current adaptive limit. Tag: host.</summary>
    public static readonly ObservableGauge<int> HostLimit = Meter.CreateObservableGauge(
        "declarativescrape.host.limit", static () => Engines.Keys.SelectMany(static e => e.Hosts.MeasureLimits()), "{request}", "Each host's current adaptive concurrency limit.");

    /// <summary>URLs queued per running scraper. Tag: scraper.</summary>
    public static readonly ObservableGauge<long> QueueDepth = Meter.CreateObservableGauge(
        "declarativescrape.queue.depth",
        static () => Engines.Keys.SelectMany(static e => e.Runs).Select(static r => new Measurement<long>(r.Queued, new KeyValuePair<string, object?>("scraper", r.ScraperName))),
        "{url}",
        "URLs waiting in the frontier.");

    public static void Track(ScrapeEngine engine) => Engines[engine] = 0;

    public static void Untrack(ScrapeEngine engine) => Engines.TryRemove(engine, out _);
}
