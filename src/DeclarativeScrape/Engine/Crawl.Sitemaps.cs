namespace DeclarativeScrape;

/// <summary>Sitemaps: read beside the crawl, as a job that keeps the run alive, admitting their entries in batches.</summary>
internal sealed partial class Crawl<TItem>
{
    private readonly SemaphoreSlim _sitemapRoom = new(0);

    /// <summary>1 while the sitemap reader waits for the frontier to shrink; the next page to finish releases it.</summary>
    private int _sitemapWaiting;

    private void StartSitemaps()
    {
        Interlocked.Increment(ref _activeJobs);
        var sink = new SitemapSink(AdmitSitemapEntriesAsync, RecordSitemapAsync, WaitForSitemapRoomAsync);
        var seeder = new SitemapSeeder<TItem>(_plan, _settings, _requestControl, _policy, _time, _recorder, _logger, sink);
        _ = RunSitemapsAsync(seeder);
    }

    private async Task RunSitemapsAsync(SitemapSeeder<TItem> seeder)
    {
        try
        {
            await seeder.RunAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Fault(exception);
        }
        finally
        {
            FinishJob();
        }
    }

    private async ValueTask AdmitSitemapEntriesAsync(List<FrontierCandidate> entries, CancellationToken cancellationToken)
    {
        // Counted as discovered as every other URL: a skipped entry now, an admitted one when it is leased or released.
        await _store.AdmitAsync(entries, cancellationToken).ConfigureAwait(false);
        await AdmittedAsync(entries).ConfigureAwait(false);
        _signal.Set();
    }

    private ValueTask RecordSitemapAsync(UrlOutcome outcome)
    {
        _recorder.AddDiscovered(1);
        return RecordAsync(outcome);
    }

    private async ValueTask WaitForSitemapRoomAsync(int highWater, CancellationToken cancellationToken)
    {
        while (_store.Counts.Queued > highWater)
        {
            Volatile.Write(ref _sitemapWaiting, 1);
            if (_store.Counts.Queued <= highWater)
            {
                Volatile.Write(ref _sitemapWaiting, 0);
                return;
            }

            await _sitemapRoom.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
