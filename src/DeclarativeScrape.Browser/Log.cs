using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.Browser;

/// <summary>The renderer's log messages (category <c>DeclarativeScrape.Browser</c>).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Chromium {Version} started from {Executable} (browser {Number})")]
    public static partial void BrowserLaunched(ILogger logger, string executable, string version, int number);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Url} crashed the browser (attempt {Attempt} of {Attempts}): {Detail}")]
    public static partial void RenderCrashed(ILogger logger, Uri url, int attempt, int attempts, string detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Url}: blocked {Request}: {Reason}")]
    public static partial void SubresourceBlocked(ILogger logger, Uri url, string request, string reason);
}
