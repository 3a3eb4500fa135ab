using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.Hosting;

/// <summary>
/// Log messages of the engine the host creates, as lines on standard error (<c>warn: Frontier: …</c>). The runtime's
/// warning per failed URL is left out: the host reports failed URLs itself, as they happen with <c>--verbose</c> and
/// in the summary, so they are not printed twice.
/// </summary>
internal sealed class HostLoggerFactory(HostConsole console, LogLevel minimum) : ILoggerFactory
{
    /// <summary>The event name of the runtime's per-URL failure warning (<c>Log.UrlFailed</c>).</summary>
    public const string UrlFailedEvent = "UrlFailed";

    public ILogger CreateLogger(string categoryName) => new HostLogger(console, categoryName[(categoryName.LastIndexOf('.') + 1)..], minimum);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("The command-line host's logger factory writes to standard error only; set ScrapeOptions.Engine to an engine with your own factory.");

    public void Dispose()
    {
    }

    private sealed class HostLogger(HostConsole console, string category, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || eventId.Name == UrlFailedEvent)
            {
                return;
            }

            var level = logLevel switch
            {
                LogLevel.Trace => "trce",
                LogLevel.Debug => "dbug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "fail",
                _ => "crit",
            };
            var message = formatter(state, exception);
            console.WriteLine(exception is null ? $"{level}: {category}: {message}" : $"{level}: {category}: {message} ({exception.GetType().Name}: {exception.Message})");
        }
    }
}
