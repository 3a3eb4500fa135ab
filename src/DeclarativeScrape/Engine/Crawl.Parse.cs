namespace DeclarativeScrape;

/// <summary>Parse workers: CPU-bound extraction, off the I/O path, then the page's atomic completion.</summary>
internal sealed partial class Crawl<TItem>
{
    private async Task ParseLoopAsync(ParseWorker worker)
    {
        // Leave the caller at once: the worker runs on the thread pool, never on the dispatcher's or a fetch's path.
        await Task.Yield();
        var links = new List<FrontierCandidate>();
        var single = new TItem[1];
        var reader = _pages.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var job))
            {
                try
                {
                    await ProcessPageAsync(worker, job, links, single).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    Fault(exception);
                }
                finally
                {
                    job.Result?.Body.Return();
                    single[0] = default!;
                    FinishJob();
                }
            }
        }
    }

    private async ValueTask ProcessPageAsync(ParseWorker worker, PageJob job, List<FrontierCandidate> links, TItem[] single)
    {
        var result = job.Result!;
        var pageType = _plan.Pages[job.Lease.PageType];
        PageExtraction<TItem> extraction;
        try
        {
            extraction = worker.Extract(result.Body.Span, result.Charset, result.FinalUrl, pageType);
        }
        finally
        {
            result.Body.Return();
        }

        links.Clear();
        var depth = job.Lease.Depth + 1;
        foreach (var link in worker.Links)
        {
            if (_plan.TryGetPageIndex(link.PageType, out var index))
            {
                links.Add(_policy.ForLink(link, index, depth));
            }
            else
            {
                links.Add(new FrontierCandidate
                {
                    Url = link.Href,
                    Host = string.Empty,
                    PageType = job.Lease.PageType,
                    Depth = depth,
                    Skip = SkipReason.InvalidUrl,
                    Message = $"{link.Property} leads to {link.PageType.Name}, which is not a page type of {_plan.Name}",
                });
            }
        }

        var outcome = extraction.Failed
            ? Failed(job, FailureReason.Extraction, result.StatusCode, extraction.Error ?? $"{extraction.Failures.Count} value(s) did not extract: {extraction.Failures[0]}", result.FinalUrl, extraction.Failures)
            : new UrlOutcome
            {
                Url = job.Lease.Url.AbsoluteUri,
                Kind = OutcomeKind.Processed,
                PageType = pageType.Name,
                Depth = job.Lease.Depth,
                Attempts = job.Attempts,
                StatusCode = result.StatusCode,
                FinalUrl = result.FinalUrl.AbsoluteUri != job.Lease.Url.AbsoluteUri ? result.FinalUrl.AbsoluteUri : null,
                Elapsed = _time.GetElapsedTime(job.Started),
            };

        if (extraction.HasItem)
        {
            single[0] = extraction.Item!;
        }

        await _store.CompleteAsync(job.Lease, outcome, extraction.HasItem ? single : [], links, CancellationToken.None).ConfigureAwait(false);
        _recorder.AddDiscovered(links.Count);
        if (extraction.HasItem)
        {
            var item = extraction.Item!;
            _output?.Write(item);
            _recorder.AddItem();
            if (_mode != EventMode.None)
            {
                await EmitAsync(new ScrapeEvent<TItem>(item)).ConfigureAwait(false);
            }
        }

        await RecordAsync(outcome).ConfigureAwait(false);
        await AdmittedAsync(links).ConfigureAwait(false);
    }
}
