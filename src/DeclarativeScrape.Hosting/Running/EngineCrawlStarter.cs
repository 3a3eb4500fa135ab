using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.Hosting;

/// <summary>Starts crawls on the options' engine, or on an engine of its own that logs through the host.</summary>
internal sealed class EngineCrawlStarter : ICrawlStarter
{
    private ScrapeEngine? _ownEngine;

    public ICrawl<TItem> Start<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, ILoggerFactory loggerFactory, CancellationToken stop)
    {
        if (options.Engine is null)
        {
            _ownEngine = new ScrapeEngine(new EngineOptions
            {
                LoggerFactory = loggerFactory,
                MaxConcurrency = Math.Max(EngineOptions.DefaultMaxConcurrency, options.Concurrency.Max),
            });
            options.Engine = _ownEngine;
        }

        return new EngineCrawl<TItem>(options.Engine.Start(plan, options, stop));
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownEngine is not null)
        {
            await _ownEngine.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class EngineCrawl<TItem>(ScrapeRun<TItem> run) : ICrawl<TItem>
    {
        public Task<ScrapeSummary> Completion => run.Completion;

        public IAsyncEnumerable<ScrapeEvent<TItem>> ReadEventsAsync(CancellationToken cancellationToken) => run.ReadEventsAsync(cancellationToken);

        public ScrapeProgress GetProgress() => run.GetProgress();

        public void StopNow() => run.StopNow();

        public ValueTask DisposeAsync() => run.DisposeAsync();
    }
}
