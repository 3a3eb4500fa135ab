using System.Diagnostics;
using Polly;

namespace DeclarativeScrape;

/// <summary>Fetch jobs: one URL's attempts, retried through the Polly pipeline, handed to the parse workers.</summary>
internal sealed partial class Crawl<TItem>
{
    private void StartJob(RunHost host, FrontierLease lease, long sequence)
    {
        Interlocked.Increment(ref _activeJobs);
        var job = new PageJob(host, lease, sequence, _time.GetTimestamp()) { HoldsRunSlot = true };
        _ = RunJobAsync(job);
    }

    private async Task RunJobAsync(PageJob job)
    {
        var handedOff = false;
        // The URL's fetch with its retries (each request sent is a client span under it, see PageFetcher).
        using var activity = ScrapeTelemetry.ActivitySource.StartActivity("declarativescrape.fetch", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ScrapeTelemetry.UrlFull, job.Lease.Url.AbsoluteUri);
            activity.SetTag(ScrapeTelemetry.ServerAddress, job.Lease.Url.IdnHost);
            activity.SetTag(ScrapeTelemetry.ServerPort, job.Lease.Url.Port);
            activity.SetTag(ScrapeTelemetry.RequestMethod, "GET");
            activity.SetTag(ScrapeTelemetry.Scraper, _plan.Name);
        }

        try
        {
            var context = ResilienceContextPool.Shared.Get(_stop.Token);
            Outcome<FetchResult> outcome;
            try
            {
                outcome = await _pipeline.ExecuteOutcomeAsync(
                    static async (ctx, state) => Outcome.FromResult(await state.Crawl.AttemptAsync(state.Job, ctx.CancellationToken).ConfigureAwait(false)),
                    context,
                    (Crawl: this, Job: job)).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            var result = outcome.Result;
            activity?.SetTag(ScrapeTelemetry.ResponseStatusCode, result?.StatusCode);
            if (result is { Status: FetchStatus.Fetched })
            {
                job.Result = result;

                // The request is over: its run slot goes back, and the page counts as unparsed until a parse
                // worker takes it (the dispatcher admits nothing while Concurrency.Max pages wait: memory stays bounded).
                Interlocked.Increment(ref _unparsed);
                ReleaseRunSlot(job);
                handedOff = true;
                await HandOffAsync(job).ConfigureAwait(false);
                return;
            }

            ReleaseRunSlot(job);
            var unfetched = UnfetchedOutcome(job, result, outcome.Exception);
            if (unfetched.Kind == OutcomeKind.Failed)
            {
                activity?.SetTag(ScrapeTelemetry.ErrorType, unfetched.FailureReason.ToString());
                activity?.SetStatus(ActivityStatusCode.Error, unfetched.Message);
            }

            await CompleteUnfetchedAsync(job.Lease, unfetched).ConfigureAwait(false);
        }
        catch (Exception exception) when (!handedOff)
        {
            Fault(exception);
        }
        finally
        {
            if (!handedOff)
            {
                ReleaseRunSlot(job);
                FinishJob();
            }
        }
    }

    /// <summary>One attempt: waits for a slot again when it is a retry, fetches, feeds the host gate, decides on a retry.</summary>
    private async ValueTask<FetchResult> AttemptAsync(PageJob job, CancellationToken cancellationToken)
    {
        var host = job.Host;
        if (!job.HoldsHostSlot)
        {
            var ticket = new RetryTicket();
            host.Retries.Enqueue(ticket);
            Announce(host);
            _signal.Set();   // retries are rare: always wake the dispatcher, even when the host is still in its rotation
            using (cancellationToken.UnsafeRegister(static s => ((RetryTicket)s!).TrySetCanceled(), ticket))
            {
                job.Sequence = await ticket.Task.ConfigureAwait(false);
            }

            job.HoldsHostSlot = true;
            job.HoldsRunSlot = true;
            _recorder.AddRetry(host.Key);
        }

        job.Attempts++;
        host.CountRequest();
        Interlocked.Increment(ref _requestsInFlight);
        FetchResult? result = null;
        try
        {
            // A request in flight is cancelled only by StopNow or when the drain after a graceful stop runs out; the
            // waits before it (a retry's backoff, its slot) end as soon as the run stops (cancellationToken).
            result = await _fetcher.FetchAsync(job.Lease.Url, _settings.Scope, _settings.MaxResponseBytes, requireHtml: true, job.Attempts, _requests.Token, _plan.Pages[job.Lease.PageType].Headers).ConfigureAwait(false);
            if (result.HasResponse)
            {
                Interlocked.Increment(ref _pagesFetched);
                _pageRate.Add();
            }

            // The host gate reads the answer first (is it a rate signal? the host's rate, its health), then the retry decision.
            var limitedDelay = RetryPolicy.RateLimitedDelay(result, job.RateLimited + 1, _settings);
            job.HoldsHostSlot = false;
            var verdict = ExitHost(host, job.Sequence, KindOf(result), result.StatusCode, result.Latency, job.Lease.Url.AbsoluteUri.GetHashCode(StringComparison.Ordinal), limitedDelay);
            if (verdict.RateLimited)
            {
                job.RateLimited++;
                result.RateLimited = true;
                host.CountRateLimited();
            }

            RetryPolicy.Decide(result, job.Attempts - job.RateLimited, job.RateLimited, _settings);
            if (result is { RateLimited: true, Retry: true })
            {
                result.RetryDelay = limitedDelay;
            }

            if (result.Retry && _stop.IsCancellationRequested)
            {
                // No retry after a stop: the URL is left for the next run (with a state directory, still queued).
                result = new FetchResult { Status = FetchStatus.Cancelled, FinalUrl = result.FinalUrl, StatusCode = result.StatusCode, Latency = result.Latency, Message = "the run stopped before the URL could be retried" };
            }

            return result;
        }
        finally
        {
            Interlocked.Decrement(ref _requestsInFlight);
            if (job.HoldsHostSlot)
            {
                // No answer to read (the run stopped, or the fetch threw): the slot goes back with no verdict.
                job.HoldsHostSlot = false;
                ExitHost(host, job.Sequence, AnswerKind.None, result?.StatusCode, TimeSpan.Zero, 0, TimeSpan.Zero);
            }

            if (result is not { Retry: false })
            {
                // A backoff follows (or the attempt failed outright): no slot is held while waiting.
                ReleaseRunSlot(job);
            }
        }
    }

    /// <summary>What an attempt's result says about its host.</summary>
    private static AnswerKind KindOf(FetchResult result) => result switch
    {
        { Status: FetchStatus.Cancelled } => AnswerKind.None,
        { StatusCode: 429 } => AnswerKind.TooManyRequests,
        { StatusCode: 503 } => AnswerKind.Unavailable,
        { StatusCode: >= 500 } => AnswerKind.Fault,
        { Failure: FailureReason.Network or FailureReason.Timeout or FailureReason.IdleTimeout } => AnswerKind.Fault,
        _ => AnswerKind.Answered,
    };

    private UrlOutcome UnfetchedOutcome(PageJob job, FetchResult? result, Exception? exception)
    {
        var lease = job.Lease;
        if (result is null || result.Status == FetchStatus.Cancelled)
        {
            return exception is null or OperationCanceledException || _stop.IsCancellationRequested
                ? Skipped(lease, SkipReason.Cancelled, result?.Message ?? "the run stopped during the request", job.Attempts)
                : Failed(job, FailureReason.Network, null, exception.Message, null);
        }

        if (result.Status is FetchStatus.OutOfScope or FetchStatus.NotHtml)
        {
            var skip = result.Status == FetchStatus.NotHtml ? SkipReason.NotHtml : SkipReason.OutOfScope;
            return Skipped(lease, skip, result.Message, job.Attempts, result.FinalUrl.AbsoluteUri != lease.Url.AbsoluteUri ? result.FinalUrl.AbsoluteUri : null);
        }

        var reason = result.RateLimited && job.RateLimited >= _settings.MaxRateLimitedAttempts
            ? FailureReason.RateLimited
            : result.Failure;
        var message = reason == FailureReason.RateLimited
            ? $"{job.RateLimited} answers refused the request for its rate, the last {result.StatusCode} (Retry.MaxRateLimitedAttempts is {_settings.MaxRateLimitedAttempts})"
            : result.Message;
        return Failed(job, reason, result.StatusCode, message, result.FinalUrl);
    }

    private UrlOutcome Failed(PageJob job, FailureReason reason, int? status, string? message, Uri? finalUrl, IReadOnlyList<ExtractionFailure>? failures = null) => new()
    {
        Url = job.Lease.Url.AbsoluteUri,
        Kind = OutcomeKind.Failed,
        PageType = _plan.Pages[job.Lease.PageType].Name,
        Depth = job.Lease.Depth,
        FailureReason = reason,
        Attempts = job.Attempts,
        StatusCode = status,
        FinalUrl = finalUrl is not null && finalUrl.AbsoluteUri != job.Lease.Url.AbsoluteUri ? finalUrl.AbsoluteUri : null,
        Message = message,
        ExtractionFailures = failures ?? [],
        Render = job.Render,
        Elapsed = _time.GetElapsedTime(job.Started),
    };

    /// <summary>Completes a URL that produced no page (skipped or failed) in the store and records its outcome.</summary>
    private async ValueTask CompleteUnfetchedAsync(FrontierLease lease, UrlOutcome outcome)
    {
        var page = new PageCompletion<TItem>(lease, outcome, [], NoLinks);
        var done = await _store.CompleteAsync(page, CancellationToken.None).ConfigureAwait(false);
        await EmitPageAsync(page, done).ConfigureAwait(false);
    }

    private void ReleaseRunSlot(PageJob job)
    {
        if (job.HoldsRunSlot)
        {
            job.HoldsRunSlot = false;

            // Only a run that was full needs waking: otherwise the host gate's release already woke the dispatcher.
            if (Interlocked.Decrement(ref _runInFlight) == _settings.MaxConcurrency - 1)
            {
                _signal.Set();
            }
        }
    }

    private void FinishJob()
    {
        Interlocked.Decrement(ref _activeJobs);
        _signal.Set();
        if (Volatile.Read(ref _sitemapWaiting) == 1 && Interlocked.Exchange(ref _sitemapWaiting, 0) == 1)
        {
            _sitemapRoom.Release();   // a sitemap reader waits for the frontier to shrink
        }
    }
}
