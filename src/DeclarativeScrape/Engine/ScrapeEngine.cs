using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeclarativeScrape;

/// <summary>
/// The fetch runtime: one pooled HTTP client, the global and per-host limits, robots.txt caches and the parse
/// workers. Every scraper in a process shares <see cref="Shared"/> unless told otherwise, so two scrapers crawling
/// one host share that host's limits.
/// </summary>
/// <remarks>
/// Runs on one engine share its connection pool, its engine-wide cap (<see cref="EngineOptions.MaxConcurrency"/>),
/// each host's slots, adaptive limit, pause and token bucket (the strictest settings of the runs using a host win),
/// and each origin's robots.txt. Each run has its own frontier, cookies, retries and parse workers.
/// </remarks>
public sealed class ScrapeEngine : IAsyncDisposable, IDisposable
{
    private static readonly Lazy<ScrapeEngine> SharedEngine = new(() => new ScrapeEngine());

    private readonly ConcurrentDictionary<ICrawl, byte> _runs = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ILoggerFactory _loggerFactory;
    private int _disposed;

    /// <summary>Creates an engine.</summary>
    /// <param name="options">Its options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ScrapeOptionsException">An option has a value that cannot work.</exception>
    public ScrapeEngine(EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        options.Validate();
        Time = options.TimeProvider ?? TimeProvider.System;
        _loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        ParseWorkerCount = options.ParseWorkers > 0 ? options.ParseWorkers : Environment.ProcessorCount;
        Fetch = new FetchClient(options, Time);
        Hosts = new HostRegistry(options.MaxConcurrency, Time, CreateLogger());
        Robots = new RobotsCache();
        Pipelines = new RetryPipelines(Time);
        Metrics = ScrapeMetrics.For(options.MeterFactory);
        Metrics.Track(this);
    }

    /// <summary>The process-wide engine, created with default options on first use.</summary>
    public static ScrapeEngine Shared => SharedEngine.Value;

    internal TimeProvider Time { get; }

    internal int ParseWorkerCount { get; }

    /// <summary>Events buffered for a run's reader before the crawl waits for it.</summary>
    internal int EventCapacity { get; init; } = DefaultEventCapacity;

    internal const int DefaultEventCapacity = 256;

    internal FetchClient Fetch { get; }

    internal HostRegistry Hosts { get; }

    internal RobotsCache Robots { get; }

    internal RetryPipelines Pipelines { get; }

    /// <summary>The instruments the engine's runs record on.</summary>
    internal ScrapeMetrics Metrics { get; }

    /// <summary>The bytes of response bodies every run on the engine holds at once (see <see cref="BodyBudget"/>).</summary>
    internal BodyBudget Bodies { get; } = BodyBudget.ForEngine();

    /// <summary>Cancelled when the engine is disposed (engine-wide work such as robots.txt fetches).</summary>
    internal CancellationToken StopToken => _stop.Token;

    internal IEnumerable<ICrawl> Runs => _runs.Keys;

    /// <summary>
    /// The rates learned on this engine's hosts so far: for each host that refused requests for their rate, the rate it
    /// is paced at now. A plain value to keep (a store shared by workers, a file between runs) and give back to
    /// <see cref="Seed"/>.
    /// </summary>
    public IReadOnlyList<LearnedRate> LearnedRates => Hosts.LearnedRates;

    /// <summary>
    /// Starts a host from a rate learned earlier instead of discovering it again: its requests are paced at that rate
    /// at once (no slow start), held, then probed upwards as after a refusal. A configured rate stays a ceiling.
    /// </summary>
    /// <param name="rate">The rate, from <see cref="LearnedRates"/> of this or another engine.</param>
    public void Seed(LearnedRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        Hosts.Get(rate.Host).Seed(rate);
    }

    /// <summary>Starts a run of <paramref name="plan"/>.</summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The generated crawl plan.</param>
    /// <param name="options">The run's options, validated before anything starts.</param>
    /// <param name="cancellationToken">Stops the run gracefully: no new requests, in-flight work drained.</param>
    /// <returns>The running crawl.</returns>
    /// <exception cref="ScrapeOptionsException">An option has a value that cannot work.</exception>
    public ScrapeRun<TItem> Start<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, CancellationToken cancellationToken = default) =>
        new(StartCrawl(plan, Prepare(plan, options), EventMode.All, cancellationToken));

    /// <summary>Runs <paramref name="plan"/> and streams its items.</summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The generated crawl plan.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="cancellationToken">Stops the run gracefully and ends the stream.</param>
    /// <returns>The items, as they are extracted.</returns>
    /// <exception cref="ScrapeOptionsException">An option has a value that cannot work (thrown here, before enumeration).</exception>
    public IAsyncEnumerable<TItem> RunAsync<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, CancellationToken cancellationToken = default)
    {
        var settings = Prepare(plan, options);
        return Stream(plan, settings, cancellationToken);
    }

    /// <summary>Runs <paramref name="plan"/> to the end without a reader (items go to <see cref="ScrapeOptions.OutputPath"/>, if set).</summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The generated crawl plan.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="cancellationToken">Stops the run gracefully.</param>
    /// <returns>The run's summary.</returns>
    public Task<ScrapeSummary> ScrapeAsync<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, CancellationToken cancellationToken = default)
    {
        try
        {
            return StartCrawl(plan, Prepare(plan, options), EventMode.None, cancellationToken).Completion;
        }
        catch (Exception exception)
        {
            return Task.FromException<ScrapeSummary>(exception);
        }
    }

    /// <summary>Stops every run and releases the connection pool.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_runs.Keys.Select(r => r.AbortAsync())).ConfigureAwait(false);
        Metrics.Untrack(this);
        Fetch.Dispose();
        _stop.Dispose();
    }

    /// <summary>Stops every run and releases the connection pool.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal ILogger CreateLogger() => _loggerFactory.CreateLogger("DeclarativeScrape");

    internal void Untrack(ICrawl crawl) => _runs.TryRemove(crawl, out _);

    /// <summary>Validates the options (every check that can fail before a request) and copies them for the run.</summary>
    private RunSettings Prepare<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ItemWriter<TItem>.Validate(options.OutputPath, plan.Format);
        if (options.Sitemaps.Any && !plan.Pages.Any(p => p.SitemapRules is not null))
        {
            throw new ScrapeOptionsException(nameof(ScrapeOptions.Sitemaps), $"{plan.Name} has no page type for sitemap entries: give one a [Sitemap(typeof(...))] on the scraper.");
        }

        RenderStage.Validate(plan, options.Renderer);

        return new RunSettings(plan.Name, options);
    }

    private Crawl<TItem> StartCrawl<TItem>(CrawlPlan<TItem> plan, RunSettings settings, EventMode mode, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var crawl = new Crawl<TItem>(this, plan, settings, mode, cancellationToken);
        _runs[crawl] = 0;
        crawl.Start();
        return crawl;
    }

    private async IAsyncEnumerable<TItem> Stream<TItem>(CrawlPlan<TItem> plan, RunSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var crawl = StartCrawl(plan, settings, EventMode.Items, cancellationToken);
        var run = new ScrapeRun<TItem>(crawl);
        await using (run.ConfigureAwait(false))
        {
            await foreach (var item in run.ReadItemsAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return item;
            }

            await run.Completion.ConfigureAwait(false);
        }
    }
}
