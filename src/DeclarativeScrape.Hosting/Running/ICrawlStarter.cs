using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.Hosting;

/// <summary>Starts crawls; disposing it releases what it created (an engine).</summary>
internal interface ICrawlStarter : IAsyncDisposable
{
    ICrawl<TItem> Start<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, ILoggerFactory loggerFactory, CancellationToken stop);
}
