using DeclarativeScrape;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>
/// Runs one scraper in the background while the host runs (<see cref="ScraperBuilder{TItem}.RunInBackground"/>): items
/// to the handlers in a scope of the run's own, a graceful stop when the host stops, a hard stop when the host's
/// shutdown timeout runs out.
/// </summary>
internal sealed partial class ScraperWorker<TItem> : BackgroundService
{
    private readonly Scraper<TItem> _scraper;
    private readonly ScraperWorkerOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly StopWhenDoneCountdown _countdown;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _hardStop = new();
    private ScrapeRun<TItem>? _run;

    public ScraperWorker(
        Scraper<TItem> scraper,
        ScraperWorkerOptions options,
        IServiceScopeFactory scopes,
        IHostApplicationLifetime lifetime,
        StopWhenDoneCountdown countdown,
        ILoggerFactory? loggers)
    {
        _scraper = scraper;
        _options = options;
        _scopes = scopes;
        _lifetime = lifetime;
        _countdown = countdown;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("DeclarativeScrape.Extensions.Hosting.ScraperWorker");
    }

    /// <summary>
    /// The host stops: the run was told to stop gracefully when the stopping token fired (in the base method); if the
    /// host's shutdown timeout (<paramref name="cancellationToken"/>) runs out before it has drained, it stops now.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (ExecuteTask is { IsCompleted: false } running)
        {
            HardStop();
            try
            {
                await running.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Already logged by the run; the host reports the failure through the task it gets from ExecuteAsync.
            }
        }
    }

    public override void Dispose()
    {
        _hardStop.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();   // the host goes on starting the other services
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            if (_options.StopApplicationWhenDone && _countdown.Signal())
            {
                _lifetime.StopApplication();
            }
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var options = _scraper.CreateOptions();
        var run = _scraper.Start(options);
        Volatile.Write(ref _run, run);
        await using (run.ConfigureAwait(false))
        {
            using var graceful = stoppingToken.Register(() =>
            {
                Log.Stopping(_logger, _scraper.Name, options.Timeouts.Drain);
                run.Stop();
            });
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var handlers = scope.ServiceProvider.GetKeyedServices<IScrapeItemHandler<TItem>>(_scraper.Name).ToArray();
                await foreach (var item in run.ReadItemsAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    foreach (var handler in handlers)
                    {
                        try
                        {
                            await handler.HandleAsync(item, _hardStop.Token).ConfigureAwait(false);
                        }
                        catch (Exception exception)
                        {
                            Log.HandlerFailed(_logger, _scraper.Name, handler.GetType().Name, exception);
                            run.StopNow();
                            throw;
                        }
                    }
                }
            }

            var summary = await run.Completion.ConfigureAwait(false);
            Log.Finished(_logger, _scraper.Name, summary.Completed ? "finished" : "stopped", summary.Items, summary.Processed, summary.Skipped, summary.Failed);
        }
    }

    private void HardStop()
    {
        Log.StoppingNow(_logger, _scraper.Name);
        _hardStop.Cancel();
        Volatile.Read(ref _run)?.StopNow();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "The host is stopping: {Scraper} sends no new requests, and the requests in flight finish within {Drain} (Timeouts.Drain)")]
        public static partial void Stopping(ILogger logger, string scraper, TimeSpan drain);

        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "The host's shutdown timeout ran out before {Scraper} drained: its requests in flight are cancelled")]
        public static partial void StoppingNow(ILogger logger, string scraper);

        [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "The item handler {Handler} of {Scraper} failed: the run stops")]
        public static partial void HandlerFailed(ILogger logger, string scraper, string handler, Exception exception);

        [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "{Scraper} {State}: {Items} items, {Processed} URLs processed, {Skipped} skipped, {Failed} failed")]
        public static partial void Finished(ILogger logger, string scraper, string state, long items, long processed, long skipped, long failed);
    }
}
