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

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Host {Host} answered 429: paused for {Delay}, limit now {Limit}")]
    public static partial void HostRateLimited(ILogger logger, string host, TimeSpan delay, int limit);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "robots.txt of {Origin}: {Detail}")]
    public static partial void RobotsUnavailable(ILogger logger, string origin, string detail);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "robots.txt of {Origin} could not be fetched ({Detail}): the host is paused and robots.txt retried for up to {Wait}; if it stays unreachable, the host's URLs fail")]
    public static partial void RobotsUnreachable(ILogger logger, string origin, string detail, TimeSpan wait);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Scraper {Scraper} stopped by an internal error")]
    public static partial void RunCrashed(ILogger logger, string scraper, Exception exception);

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "{Url}: the static HTML lacks {Properties}: rendering it")]
    public static partial void RenderNeeded(ILogger logger, Uri url, string properties);
}
