using System.Collections.Concurrent;
using System.Text.Json;
using DeclarativeScrape.Extensions.Hosting;
using DeclarativeScrape.TestSite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.Hosting.Tests.GenericHost;

/// <summary>What the Generic Host tests share: a real host built as an application builds it, a real Kestrel site, captured logs and items.</summary>
internal static class HostFixture
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static string Shelf(params string[] books) =>
        "<html><body>" + string.Concat(books.Select(b => $"<a class=book href=\"{b}\">{b}</a>")) + "</body></html>";

    public static string Book(string title) => $"<html><body><h1>{title}</h1></body></html>";

    /// <summary>
    /// A host builder as <c>Host.CreateApplicationBuilder(args)</c> makes it, with its content root in a fresh folder holding
    /// <paramref name="appsettings"/> as appsettings.json; logs captured into <paramref name="logs"/>.
    /// </summary>
    public static HostApplicationBuilder Builder(object appsettings, CapturedLogs logs, params string[] args)
    {
        var root = Directory.CreateTempSubdirectory("ds-host-").FullName;
        File.WriteAllText(Path.Combine(root, "appsettings.json"), JsonSerializer.Serialize(appsettings));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = root, EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<CollectedBooks>();
        return builder;
    }

    /// <summary>appsettings.json content pointing <see cref="ShelfScraper"/> at <paramref name="server"/>.</summary>
    public static Dictionary<string, object> Settings(TestServer server, Dictionary<string, object>? scraper = null, Dictionary<string, object>? engine = null)
    {
        scraper ??= [];
        scraper.TryAdd("StartUrls", new[] { server.Url("/").AbsoluteUri });
        return new Dictionary<string, object>
        {
            ["DeclarativeScrape"] = new Dictionary<string, object>
            {
                ["Engine"] = engine ?? new Dictionary<string, object> { ["ParseWorkers"] = 1 },
                ["Scrapers"] = new Dictionary<string, object> { ["ShelfScraper"] = scraper },
            },
        };
    }
}

/// <summary>Items handled, shared by the scoped handlers.</summary>
internal sealed class CollectedBooks
{
    public ConcurrentQueue<string> Titles { get; } = new();
}

/// <summary>A scoped handler (one per run) that records each book.</summary>
internal sealed class CollectBook(CollectedBooks collected) : IScrapeItemHandler<ShelfBook>
{
    public ValueTask HandleAsync(ShelfBook item, CancellationToken cancellationToken)
    {
        collected.Titles.Enqueue(item.Title);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Log messages of every category, with a wait for one to appear.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Text)> _messages = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

    public IReadOnlyCollection<(string Category, LogLevel Level, string Text)> Messages => _messages;

    /// <summary>Completes when a message containing <paramref name="text"/> has been logged.</summary>
    public Task WaitForAsync(string text)
    {
        lock (_waits)
        {
            if (_messages.Any(m => m.Text.Contains(text, StringComparison.Ordinal)))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((text, seen));
            return seen.Task.WaitAsync(HostFixture.Bound);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string category, LogLevel level, string text)
    {
        lock (_waits)
        {
            _messages.Enqueue((category, level, text));
            foreach (var wait in _waits.Where(w => text.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(category, logLevel, formatter(state, exception));
    }
}
