namespace DeclarativeScrape.Hosting;

/// <summary>A running crawl as the host sees it: the seam between the host and <see cref="ScrapeRun{TItem}"/>, so the host's loop is testable without the runtime.</summary>
internal interface ICrawl<TItem> : ICrawlControl, IAsyncDisposable
{
    Task<ScrapeSummary> Completion { get; }

    IAsyncEnumerable<ScrapeEvent<TItem>> ReadEventsAsync(CancellationToken cancellationToken);

    ScrapeProgress GetProgress();

}
