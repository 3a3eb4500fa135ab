using Microsoft.Extensions.Logging;

namespace DeclarativeScrape;

/// <summary>What a store is opened with: the run's plan, settings, clock, logger and counts, and how it tells the run things.</summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
/// <param name="Plan">The scraper's plan (name, fingerprint, item format).</param>
/// <param name="Settings">The run's settings.</param>
/// <param name="Time">The run's clock (group commits, flushes, ticks).</param>
/// <param name="Logger">Where the store reports.</param>
/// <param name="Recorder">The run's counts (a shared store keeps some of them with the crawl).</param>
/// <param name="HostReady">URLs of a host became leasable (a refill landed, or another worker queued some): the dispatcher looks again.</param>
/// <param name="Wake">Something the run's end depends on changed (another worker's last lease came back): the dispatcher looks again.</param>
/// <param name="Failed">The store broke: the run must stop.</param>
internal sealed record StoreContext<TItem>(
    CrawlPlan<TItem> Plan,
    RunSettings Settings,
    TimeProvider Time,
    ILogger Logger,
    OutcomeRecorder Recorder,
    Action<string> HostReady,
    Action Wake,
    Action<Exception> Failed);
