namespace DeclarativeScrape;

/// <summary>
/// The render path: fetched pages of <see cref="RenderAttribute"/> types go through the run's <see cref="RenderStage"/>
/// (the browser) on their way to the parse workers. The fetch, the dispatcher and the parse workers call in here from
/// one place each.
/// </summary>
internal sealed partial class Crawl<TItem>
{
    private readonly RenderStage? _render;

    private RenderStage? CreateRenderStage() =>
        _settings.Renderer is { } renderer && RenderStage.IsNeeded(_plan)
            ? new RenderStage(renderer, _settings, new SubresourceGuard(_settings.Scope, HostFor, SubresourceRobotsAsync, _time, _engine.Metrics), _logger, _engine.Metrics)
            : null;

    /// <summary>A fetched page goes to the browser first (<see cref="RenderMode.Always"/>) or straight to the parse workers.</summary>
    private ValueTask HandOffAsync(PageJob job)
    {
        if (_render is not null && RenderStage.RendersFirst(_plan.Pages[job.Lease.PageType]))
        {
            _ = RenderJobAsync(job);
            return ValueTask.CompletedTask;
        }

        return _pages.Writer.WriteAsync(job, CancellationToken.None);
    }

    /// <summary>
    /// The end of a page at a parse worker: its job finishes, unless the mixed mode decided to render it (then it goes
    /// to the browser and comes back to a parse worker).
    /// </summary>
    private void EndPage(PageJob job)
    {
        if (job.RenderNext)
        {
            job.RenderNext = false;
            Interlocked.Increment(ref _unparsed);
            _ = RenderJobAsync(job);
            return;
        }

        job.Result?.Body?.Dispose();
        FinishJob();
    }

    /// <summary>A page left the parse backlog (taken by a parse worker, or failed in the browser).</summary>
    private void LeaveUnparsed()
    {
        if (Interlocked.Decrement(ref _unparsed) == _settings.MaxConcurrency - 1)
        {
            _signal.Set();   // the dispatcher stopped admitting while the parse backlog was full
        }
    }

    private async Task RenderJobAsync(PageJob job)
    {
        try
        {
            var pageType = _plan.Pages[job.Lease.PageType];
            var result = await _render!.RenderAsync(pageType, job, _fetcher.CookiesFor(job.Result!.FinalUrl), _stop.Token).ConfigureAwait(false);
            if (result.Status == RenderStatus.Rendered)
            {
                await _pages.Writer.WriteAsync(job, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            job.Attempts = Math.Max(job.Attempts, 1);
            LeaveUnparsed();
            var outcome = result.Status switch
            {
                RenderStatus.Cancelled => Skipped(job.Lease, SkipReason.Cancelled, result.Message, job.Attempts),
                RenderStatus.TimedOut => Failed(job, FailureReason.Timeout, job.Result.StatusCode, result.Message, job.Result.FinalUrl),
                _ => Failed(job, FailureReason.Render, job.Result.StatusCode, result.Message, job.Result.FinalUrl),
            };
            await CompleteUnfetchedAsync(job.Lease, outcome with { Render = job.Render }).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Fault(exception);
        }

        FinishJob();
    }

    /// <summary>The robots.txt policy of a host that only a rendered page's requests reach (the crawl has not asked yet).</summary>
    private async ValueTask<RobotsPolicy> SubresourceRobotsAsync(RunHost host, Uri url)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        var rules = await _engine.Robots.GetAsync(url, robotsUrl => FetchRobotsAsync(host, robotsUrl, origin)).ConfigureAwait(false);
        if (host.Robots is null)
        {
            ApplyRobots(host, rules, origin);
        }

        return host.Robots!;
    }
}
