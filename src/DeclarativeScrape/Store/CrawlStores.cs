namespace DeclarativeScrape;

/// <summary>Opens the store a run's settings ask for: the one place that decides where a crawl's state lives.</summary>
internal static class CrawlStores
{
    /// <summary>
    /// A shared database's store when <see cref="ScrapeOptions.StateDatabase"/> is set (through its
    /// <see cref="StateProvider"/>); the state directory's SQLite store when <see cref="ScrapeOptions.StateDirectory"/> is
    /// set (it writes the output file itself, from the committed items, exactly once across crashes); else the in-memory
    /// store with the output file's writer.
    /// </summary>
    /// <exception cref="ScrapeOptionsException">The state or the output cannot be used.</exception>
    public static ICrawlStore<TItem> Open<TItem>(StoreContext<TItem> context)
    {
        var settings = context.Settings;
        if (settings.StateProvider is { } provider)
        {
            return provider.Implementation.Open(context, settings.StateDatabase!);
        }

        if (settings.StateDirectory is { } directory)
        {
            return SqliteCrawlStore<TItem>.Open(directory, context.Plan, settings.OutputPath, settings.MaxPages, context.Time, context.Logger, context.HostReady, context.Failed);
        }

        return new InMemoryCrawlStore<TItem>(settings.MaxPages, settings.OutputPath is { } path ? OpenOutput(path, context.Plan.Format, context.Time) : null);
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
