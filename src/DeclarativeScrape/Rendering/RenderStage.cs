using System.Buffers;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape;

/// <summary>
/// A run's rendering: which fetched pages go to the <see cref="IPageRenderer"/> (every page of a
/// <see cref="RenderMode.Always"/> type; a <see cref="RenderMode.WhenNeeded"/> page whose static HTML lacked a required
/// value), the render itself (the fetched document, the run's user agent, headers and cookies, its
/// <see cref="SubresourceGuard"/>), the rendered HTML as a body for the parse workers, and the counts.
/// </summary>
internal sealed class RenderStage
{
    private readonly IPageRenderer _renderer;
    private readonly RunSettings _settings;
    private readonly ILogger _logger;
    private readonly ScrapeMetrics _metrics;
    private long _rendered;
    private long _renderedWhenNeeded;
    private long _staticSufficed;
    private long _retried;
    private long _restarts;

    public RenderStage(IPageRenderer renderer, RunSettings settings, SubresourceGuard guard, ILogger logger, ScrapeMetrics metrics)
    {
        _metrics = metrics;
        _renderer = renderer;
        _settings = settings;
        Guard = guard;
        _logger = logger;
    }

    public SubresourceGuard Guard { get; }

    /// <summary>Whether <paramref name="plan"/> has pages to render.</summary>
    public static bool IsNeeded<TItem>(CrawlPlan<TItem> plan)
    {
        foreach (var page in plan.Pages)
        {
            if (page.Render is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Start-up check: a plan with <see cref="RenderAttribute"/> pages needs a renderer that can work.</summary>
    /// <exception cref="ScrapeOptionsException">There is none, or it cannot work.</exception>
    public static void Validate<TItem>(CrawlPlan<TItem> plan, IPageRenderer? renderer)
    {
        if (!IsNeeded(plan))
        {
            return;
        }

        if (renderer is null)
        {
            var page = plan.Pages.First(p => p.Render is not null);
            throw new ScrapeOptionsException(
                nameof(ScrapeOptions.Renderer),
                $"{plan.Name} renders {page.Name} ([Render]) but has no renderer: reference the DeclarativeScrape.Browser package and set options.Renderer = new ChromiumRenderer().");
        }

        renderer.Validate();
    }

    /// <summary>Whether a fetched page goes to the browser before any extraction (<see cref="RenderMode.Always"/>).</summary>
    public static bool RendersFirst<TItem>(PageType<TItem> pageType) => pageType.Render is { Mode: RenderMode.Always };

    /// <summary>Whether a page's body must be kept after its extraction, for a render that may follow.</summary>
    public static bool MayRenderAfter<TItem>(PageType<TItem> pageType, PageJob job) =>
        pageType.Render is { Mode: RenderMode.WhenNeeded } && job.Render == RenderDecision.None;

    /// <summary>
    /// The mixed mode's decision on a page extracted from its static HTML: render it when a required property failed.
    /// Records the decision on the job.
    /// </summary>
    public bool DecideAfterStatic<TItem>(PageType<TItem> pageType, PageJob job, IReadOnlyList<ExtractionFailure> failures)
    {
        if (!MayRenderAfter(pageType, job))
        {
            return false;
        }

        var spec = pageType.Render!;
        string? missing = null;
        foreach (var failure in failures)
        {
            if (spec.IsRequired(failure.Property))
            {
                missing = missing is null ? failure.Property : missing + ", " + failure.Property;
            }
        }

        if (missing is null)
        {
            job.Render = RenderDecision.StaticSufficed;
            Interlocked.Increment(ref _staticSufficed);
            return false;
        }

        Log.RenderNeeded(_logger, job.Lease.Url, missing);
        job.Render = RenderDecision.RenderedWhenNeeded;
        Interlocked.Increment(ref _renderedWhenNeeded);
        return true;
    }

    /// <summary>Renders the job's fetched document; on success its body becomes the rendered HTML (UTF-8).</summary>
    /// <returns>The render's result.</returns>
    public async Task<RenderResult> RenderAsync<TItem>(PageType<TItem> pageType, PageJob job, IReadOnlyList<System.Net.Cookie> cookies, CancellationToken cancellationToken)
    {
        var fetched = job.Result!;
        if (job.Render == RenderDecision.None)
        {
            job.Render = RenderDecision.Rendered;
        }

        Interlocked.Increment(ref _rendered);
        var started = Stopwatch.GetTimestamp();
        RenderResult result;
        try
        {
            result = await _renderer.RenderAsync(
                new RenderRequest
                {
                    Url = fetched.FinalUrl,
                    Body = fetched.Body?.ToMemory() ?? ReadOnlyMemory<byte>.Empty,
                    ContentType = fetched.ContentType ?? "text/html",
                    Spec = pageType.Render!,
                    UserAgent = _settings.UserAgent,
                    Headers = _settings.Headers,
                    Cookies = cookies,
                    Subresources = Guard,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = new RenderResult { Status = RenderStatus.Cancelled, Message = "the run stopped during the render" };
        }
        catch (Exception exception)
        {
            // A renderer is asked to return failures, not throw them; one that throws fails the page, not the run.
            result = new RenderResult { Status = RenderStatus.Failed, Message = $"the renderer threw {exception.GetType().Name}: {exception.Message}" };
        }

        Interlocked.Add(ref _retried, Math.Max(0, result.Attempts - 1));
        Interlocked.Add(ref _restarts, result.BrowserRestarts);
        var tags = new TagList { { ScrapeTelemetry.Scraper, _settings.ScraperName }, { ScrapeTelemetry.RenderStatus, result.Status.ToString() } };
        _metrics.Renders.Add(1, tags);
        _metrics.RenderDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        fetched.Body?.Dispose();
        if (result is { Status: RenderStatus.Rendered, Html: { } html })
        {
            job.Result = new FetchResult
            {
                Status = FetchStatus.Fetched,
                StatusCode = fetched.StatusCode,
                FinalUrl = fetched.FinalUrl,
                ContentType = "text/html; charset=utf-8",   // the DOM serialized as UTF-8: the header wins over any meta charset it kept
                Latency = fetched.Latency,
                Body = Encode(html),
            };
        }

        return result;
    }

    public RenderSummary Summarize() => new()
    {
        Rendered = Volatile.Read(ref _rendered),
        RenderedWhenNeeded = Volatile.Read(ref _renderedWhenNeeded),
        StaticSufficed = Volatile.Read(ref _staticSufficed),
        Retried = Volatile.Read(ref _retried),
        BrowserRestarts = Volatile.Read(ref _restarts),
        SubresourcesAllowed = Guard.Allowed,
        SubresourcesBlocked = Guard.Blocked,
    };

    private static ResponseBody Encode(string html) => ResponseBody.Of(Encoding.UTF8.GetBytes(html));
}
