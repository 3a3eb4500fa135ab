using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.Tests;

/// <summary>A logger factory that keeps every message at <see cref="LogLevel.Warning"/> and above, formatted, for assertions.</summary>
public sealed class ListLogger : ILoggerFactory, ILogger
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _messages.Enqueue(formatter(state, exception));
        }
    }
}
