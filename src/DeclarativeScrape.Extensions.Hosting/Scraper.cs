using DeclarativeScrape;
using Microsoft.Extensions.Options;

namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>
/// A scraper added to the services (<see cref="DeclarativeScrapeBuilder.AddScraper{TItem}"/>): its runs use the
/// container's engine and the options of the moment (attribute values, configuration, callbacks; validated). Inject it
/// to run the scraper on demand, for example from an endpoint or a scheduled job.
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
public sealed class Scraper<TItem>
{
    private readonly IOptionsFactory<ScrapeOptions> _options;

    internal Scraper(CrawlPlan<TItem> plan, IOptionsFactory<ScrapeOptions> options)
    {
        Plan = plan;
        _options = options;
    }

    /// <summary>The scraper's generated plan.</summary>
    public CrawlPlan<TItem> Plan { get; }

    /// <summary>The scraper's name: its class name, the name of its options and its configuration section.</summary>
    public string Name => Plan.Name;

    /// <summary>A fresh copy of the scraper's options as configured now, for one run to adjust.</summary>
    /// <returns>The options; validated, with the container's engine.</returns>
    /// <exception cref="OptionsValidationException">The configuration holds a value that cannot work (the message names its key).</exception>
    public ScrapeOptions CreateOptions() => _options.Create(Name);

    /// <summary>Starts a run (to read its events, follow its progress or stop it).</summary>
    /// <param name="options">The run's options; <see langword="null"/> for <see cref="CreateOptions"/>.</param>
    /// <param name="cancellationToken">Stops the run gracefully.</param>
    /// <returns>The running crawl.</returns>
    public ScrapeRun<TItem> Start(ScrapeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= CreateOptions();
        return EngineOf(options).Start(Plan, options, cancellationToken);
    }

    /// <summary>Runs the scraper and streams its items.</summary>
    /// <param name="cancellationToken">Stops the run gracefully and ends the stream.</param>
    /// <returns>The items, as they are extracted.</returns>
    public IAsyncEnumerable<TItem> RunAsync(CancellationToken cancellationToken = default)
    {
        var options = CreateOptions();
        return EngineOf(options).RunAsync(Plan, options, cancellationToken);
    }

    /// <summary>Runs the scraper to the end (items go to <c>OutputPath</c>, if set).</summary>
    /// <param name="cancellationToken">Stops the run gracefully.</param>
    /// <returns>The run's summary.</returns>
    public Task<ScrapeSummary> ScrapeAsync(CancellationToken cancellationToken = default)
    {
        var options = CreateOptions();
        return EngineOf(options).ScrapeAsync(Plan, options, cancellationToken);
    }

    private static ScrapeEngine EngineOf(ScrapeOptions options) => options.Engine ?? ScrapeEngine.Shared;
}
