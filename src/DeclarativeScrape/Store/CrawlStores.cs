using Microsoft.Extensions.Logging;

namespace DeclarativeScrape;

/// <summary>Opens the store a run's settings ask for: the one place that decides where a crawl's state lives.</summary>
internal static class CrawlStores
{
    /// <summary>
    /// The state directory's SQLite store when <see cref="ScrapeOptions.StateDirectory"/> is set (it writes the output file
    /// itself, from the committed items, exactly once across crashes); else the in-memory store with the output file's writer.
    /// </summary>
    /// <param name="plan">The scraper's plan.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="time">The run's clock.</param>
    /// <param name="logger">The run's logger.</param>
    /// <param name="hostReady">Called when a persistent store made URLs of a host leasable (a refill landed).</param>
    /// <param name="failed">Called when a persistent store broke: the run must stop.</param>
    /// <exception cref="ScrapeOptionsException">The state or the output cannot be used.</exception>
    public static ICrawlStore<TItem> Open<TItem>(CrawlPlan<TItem> plan, RunSettings settings, TimeProvider time, ILogger logger, Action<string> hostReady, Action<Exception> failed)
    {
        if (settings.StateDirectory is { } directory)
        {
            return SqliteCrawlStore<TItem>.Open(directory, plan, settings.OutputPath, settings.MaxPages, time, logger, hostReady, failed);
        }

        return new InMemoryCrawlStore<TItem>(settings.MaxPages, settings.OutputPath is { } path ? OpenOutput(path, plan.Format, time) : null);
    }

    private static ItemWriter<TItem> OpenOutput<TItem>(string path, ItemFormat<TItem> format, TimeProvider time)
    {
        try
        {
            return ItemWriter<TItem>.Open(path, format, time);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ScrapeOptionsException(nameof(ScrapeOptions.OutputPath), $"'{path}' cannot be written: {exception.Message}");
        }
    }
}
