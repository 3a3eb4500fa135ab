namespace DeclarativeScrape;

/// <summary>Parse workers: CPU-bound extraction, off the I/O path, then the page's atomic completion.</summary>
internal sealed partial class Crawl<TItem>
{
    /// <summary>
    /// Parsed pages whose completion is pending (a state store's group commit, a slow reader): at most
    /// <see cref="ConcurrencyOptions.Max"/> per run, then a parse worker waits.
    /// </summary>
    private readonly SemaphoreSlim _completing;

    /// <summary>
    /// A parse worker: a dedicated thread (not a thread-pool thread, so CPU-bound parsing never delays the I/O
    /// continuations queued on the pool) that takes fetched pages until the page channel completes.
    /// </summary>
    private Task StartParseWorker() =>
        Task.Factory.StartNew(static state => ((Crawl<TItem>)state!).ParseLoop(), this, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void ParseLoop()
    {
        var worker = new ParseWorker(_settings.Encoding, _settings.PageStageProbe);
        var links = new List<FrontierCandidate>();
        var single = new TItem[1];
        var reader = _pages.Reader;
        while (true)
        {
            if (!reader.TryRead(out var job))
            {
                // Nothing to parse: this thread (ours, not the pool's) waits for the next page.
                var more = reader.WaitToReadAsync();
                if (!(more.IsCompletedSuccessfully ? more.Result : more.AsTask().GetAwaiter().GetResult()))
                {
                    return;
                }

                continue;
            }

            LeaveUnparsed();
            ValueTask done;
            try
            {
                done = ProcessPageAsync(worker, job, links, single);
            }
            catch (Exception exception)
            {
                Fault(exception);
                done = ValueTask.CompletedTask;
            }

            if (!done.IsCompleted)
            {
                // The page waits for its store completion (a state store commits pages in groups) or for a slow
                // reader: it finishes in the background while this worker parses the next page, at most
                // Concurrency.Max of them per run (then the worker waits: back-pressure as before).
                if (!_completing.Wait(0))
                {
                    // Full: this worker waits for a completion, so the store should not hold its group open.
                    _store.CommitNow();
                    _completing.Wait();
                }

                _ = FinishPageAsync(done, job);
                links = [];
                single = new TItem[1];
                continue;
            }

            try
            {
                done.GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                Fault(exception);
            }
            finally
            {
                single[0] = default!;
                EndPage(job);
            }
        }
    }

    /// <summary>Waits for the pages finishing in the background (the parse workers have stopped).</summary>
    private async Task DrainCompletingAsync()
    {
        for (var i = 0; i < _settings.MaxConcurrency; i++)
        {
            await _completing.WaitAsync().ConfigureAwait(false);
        }
    }

    private async Task FinishPageAsync(ValueTask done, PageJob job)
    {
        try
        {
            await done.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Fault(exception);
        }
        finally
        {
            _completing.Release();
            EndPage(job);
        }
    }

    /// <summary>One fetched page, in a straight line: extract, complete (the store takes everything the page causes), emit.</summary>
    private async ValueTask ProcessPageAsync(ParseWorker worker, PageJob job, List<FrontierCandidate> links, TItem[] single)
    {
        if (Extract(worker, job, links, single) is not { } page)
        {
            return;   // the mixed mode sends it to the browser first (EndPage)
        }

        if (_plan.ItemHook is { } hook && page.Items.Count > 0)
        {
            page = await HookItemAsync(hook, job, page, single).ConfigureAwait(false);
        }

        var done = await _store.CompleteAsync(page, CancellationToken.None).ConfigureAwait(false);
        await EmitPageAsync(page, done).ConfigureAwait(false);
    }

    /// <summary>
    /// The plan's item hook on the page's item (a page gives at most one): kept as it returns it, dropped (counted) when it
    /// returns null, or the page failed when it throws; the links are kept either way.
    /// </summary>
    private async ValueTask<PageCompletion<TItem>> HookItemAsync(ItemHook<TItem> hook, PageJob job, PageCompletion<TItem> page, TItem[] single)
    {
        var result = job.Result!;
        var source = new ItemSource(job.Lease.Url, result.FinalUrl, page.Outcome.PageType, job.Lease.Depth);
        TItem? kept;
        try
        {
            kept = await hook(page.Items[0], source, _abort.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var message = $"the item hook threw {exception.GetType().Name}: {exception.Message}";
            return page with { Outcome = Failed(job, FailureReason.Extraction, result.StatusCode, message, result.FinalUrl), Items = [] };
        }

        if (kept is null)
        {
            _recorder.AddDroppedItem();
            return page with { Items = [] };
        }

        single[0] = kept;
        return page with { Items = single };
    }

    /// <summary>
    /// Parses and extracts the page (CPU only): its outcome, its item, and its links with their scope and depth verdicts;
    /// <see langword="null"/> when the mixed mode renders it first.
    /// </summary>
    private PageCompletion<TItem>? Extract(ParseWorker worker, PageJob job, List<FrontierCandidate> links, TItem[] single)
    {
        var result = job.Result!;
        var pageType = _plan.Pages[job.Lease.PageType];
        PageExtraction<TItem> extraction;
        var mayRender = _render is not null && RenderStage.MayRenderAfter(pageType, job);
        try
        {
            extraction = worker.Extract(result.Body!.Bytes, result.ContentType, result.FinalUrl, pageType, job.Lease.Carried);
        }
        finally
        {
            if (!mayRender)
            {
                result.Body?.Dispose();
            }
        }

        if (mayRender)
        {
            // The mixed mode: a required value missing from the static HTML sends the page to the browser (EndPage).
            job.RenderNext = _render!.DecideAfterStatic(pageType, job, extraction.Failures);
            if (job.RenderNext)
            {
                return null;
            }

            result.Body?.Dispose();
        }

        var error = extraction.Error;
        try
        {
            ResolveLinks(worker, job, links);
        }
        catch (Exception exception)
        {
            // A page whose links cannot be resolved fails, not the run; none of its links is followed.
            links.Clear();
            error ??= ParseWorker.FailureMessage(PageStage.ResolveLinks, pageType.Name, exception);
        }

        var outcome = extraction.Failed || error is not null
            ? Failed(job, FailureReason.Extraction, result.StatusCode, error ?? $"{extraction.Failures.Count} value(s) did not extract: {extraction.Failures[0]}", result.FinalUrl, extraction.Failures)
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
                Render = job.Render,
            };

        if (!extraction.HasItem || error is not null)
        {
            return new PageCompletion<TItem>(job.Lease, outcome, [], links);
        }

        single[0] = extraction.Item!;
        return new PageCompletion<TItem>(job.Lease, outcome, single, links);
    }

    /// <summary>The links the page's extractor found, checked against the plan and the frontier's policy.</summary>
    private void ResolveLinks(ParseWorker worker, PageJob job, List<FrontierCandidate> links)
    {
        links.Clear();
        worker.Enter(PageStage.ResolveLinks, job.Result!.FinalUrl);
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
    }

    /// <summary>
    /// What the store kept reaches the run: the items (counted, and streamed when the run has a reader), the outcome as
    /// recorded, the links that were skipped (recorded) and the hosts of those admitted (announced to the dispatcher).
    /// </summary>
    private async ValueTask EmitPageAsync(PageCompletion<TItem> page, CompletionResult done)
    {
        if (done.ItemsKept)
        {
            foreach (var item in page.Items)
            {
                _recorder.AddItem();
                if (_mode != EventMode.None)
                {
                    await EmitAsync(new ScrapeEvent<TItem>(item)).ConfigureAwait(false);
                }
            }
        }

        await RecordAsync(done.Outcome).ConfigureAwait(false);
        await AdmittedAsync(page.Links).ConfigureAwait(false);
    }
}
