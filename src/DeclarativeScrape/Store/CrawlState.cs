namespace DeclarativeScrape;

/// <summary>
/// Reads a crawl's state without running it: its items (<see cref="ExportAsync"/>) and its progress
/// (<see cref="GetStatusAsync"/>), from a state directory (<see cref="ScrapeOptions.StateDirectory"/>, between runs) or
/// from a database shared by workers (<see cref="ScrapeOptions.StateDatabase"/> with its provider, any time). The
/// command-line host's <c>export</c> and <c>status</c> commands call these.
/// </summary>
/// <example>
/// <code>
/// ScrapeOptions options = BookstoreScraper.CreateOptions();
/// options.StateDirectory = "bookstore-crawl";
/// long items = await CrawlState.ExportAsync(BookstoreScraper.Plan, options, "books.json");
/// </code>
/// </example>
public static class CrawlState
{
    /// <summary>
    /// Writes every item the crawl committed to <paramref name="path"/>, in commit order: JSON Lines (<c>.jsonl</c>,
    /// <c>.ndjson</c>), one JSON array (<c>.json</c>) or CSV (<c>.csv</c>, with its header row). The file is written beside
    /// its name and moved into place when complete.
    /// </summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The scraper's generated <c>Plan</c> (the state must be this scraper's).</param>
    /// <param name="options">Where the state is: <see cref="ScrapeOptions.StateDirectory"/>, or <see cref="ScrapeOptions.StateDatabase"/> and its provider.</param>
    /// <param name="path">The file, replaced once it is complete.</param>
    /// <param name="cancellationToken">Stops the export (the file is then left as it was).</param>
    /// <returns>The items written.</returns>
    /// <exception cref="ScrapeOptionsException">
    /// The state or the path cannot be used: no state there, another scraper's, a directory in use by a run, an extension
    /// the state's records cannot make (a state directory keeps its items as JSON or as CSV, as its runs wrote them).
    /// </exception>
    public static Task<long> ExportAsync<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(path);
        return StateOf(options) is { } provider
            ? provider.ExportAsync(plan, options.StateDatabase!, path, cancellationToken)
            : StateDirectoryReader.ExportAsync(plan, options.StateDirectory!, path, cancellationToken);
    }

    /// <summary>
    /// The crawl's progress, as the lines the <c>status</c> command prints: URLs by outcome, items, the hosts with the most
    /// URLs queued; for a shared crawl also its workers and their heartbeats, and per host the leases, permits and pause.
    /// </summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The scraper's generated <c>Plan</c> (the state must be this scraper's).</param>
    /// <param name="options">Where the state is (see <see cref="ExportAsync"/>).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The status lines.</returns>
    /// <exception cref="ScrapeOptionsException">The state cannot be used.</exception>
    public static async Task<IReadOnlyList<string>> GetStatusAsync<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var status = StateOf(options) is { } provider
            ? await provider.StatusAsync(plan, options.StateDatabase!, cancellationToken).ConfigureAwait(false)
            : StateDirectoryReader.Status(plan, options.StateDirectory!);
        return CrawlStatusText.Lines(status);
    }

    /// <summary>The provider of a database state, or <see langword="null"/> for a state directory.</summary>
    /// <exception cref="ScrapeOptionsException">Neither (or both) is set, or no provider opens the URI.</exception>
    private static IStateProvider? StateOf(ScrapeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.StateDatabase is null && options.StateDirectory is null)
        {
            throw new ScrapeOptionsException(nameof(ScrapeOptions.StateDirectory), "names no crawl state: set StateDirectory (a directory a run kept its state in) or StateDatabase (a database shared by workers).");
        }

        return options.StateProviderFor()?.Implementation;
    }
}
