using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.PostgreSql;

/// <summary>Log messages of the shared PostgreSQL state.</summary>
internal static partial class PgLog
{
    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "State {Database}: worker {Worker} joined {What}")]
    public static partial void Joined(ILogger logger, string database, int worker, string what);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "State {Database} unreachable ({Problem}); trying again in {Delay}")]
    public static partial void Unavailable(ILogger logger, string database, string problem, TimeSpan delay);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "{Workers} worker(s) stopped beating: their {Urls} leased URL(s) went back to the queue")]
    public static partial void Reclaimed(ILogger logger, long workers, long urls);
}
