using Microsoft.Extensions.Logging;

namespace DeclarativeScrape;

/// <summary>The runtime's log messages, source-generated (<see cref="LoggerMessageAttribute"/>).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Scraper {Scraper} starting with {StartUrls} start URL(s), concurrency {Max} (per host {PerHost})")]
    public static partial void RunStarting(ILogger logger, string scraper, int startUrls, int max, int perHost);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Scraper {Scraper} {State} after {Elapsed}: {Discovered} URLs, {Processed} processed, {Skipped} skipped, {Failed} failed, {Items} items, {Requests} requests")]
    public static partial void RunFinished(ILogger logger, string scraper, string state, TimeSpan elapsed, long discovered, long processed, long skipped, long failed, long items, long requests);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Method} {Url} -> {Status} in {ElapsedMs:F1} ms (attempt {Attempt})")]
    public static partial void Response(ILogger logger, string method, Uri url, int status, double elapsedMs, int attempt);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Failed {Url}: {Reason} after {Attempts} attempt(s) (status {Status}): {Detail}")]
    public static partial void UrlFailed(ILogger logger, string url, FailureReason reason, int attempts, int? status, string? detail);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Host {Host} refused a request ({Status}) at {Rate:0.##} requests/s while accepting {Accepted:0.##}/s: rate now {NewRate:0.##} requests/s")]
    public static partial void HostRateCut(ILogger logger, string host, int status, double rate, double accepted, double newRate);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Host {Host}: probing a higher rate, {Rate:0.##} -> {NewRate:0.##} requests/s")]
    public static partial void HostRateProbe(ILogger logger, string host, double rate, double newRate);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Host {Host}: starting from {Rate:0.##} requests/s, its share of the {Total:0.##} requests/s that {Workers} other worker(s) of the crawl learned")]
    public static partial void HostRateJoined(ILogger logger, string host, double rate, double total, int workers);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Host {Host} is failing (most of its last {Answers} answers were faults, across several URLs): concurrency limit now {Limit}")]
    public static partial void HostFailing(ILogger logger, string host, int answers, int limit);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "robots.txt of {Origin}: {Detail}")]
    public static partial void RobotsUnavailable(ILogger logger, string origin, string detail);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "robots.txt of {Origin} could not be fetched ({Detail}): the host is paused and robots.txt retried for up to {Wait}; if it stays unreachable, the host's URLs fail")]
    public static partial void RobotsUnreachable(ILogger logger, string origin, string detail, TimeSpan wait);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Scraper {Scraper} stopped by an internal error")]
    public static partial void RunCrashed(ILogger logger, string scraper, Exception exception);

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "{Url}: the static HTML lacks {Properties}: rendering it")]
    public static partial void RenderNeeded(ILogger logger, Uri url, string properties);
}
