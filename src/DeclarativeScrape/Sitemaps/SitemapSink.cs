namespace DeclarativeScrape;

/// <summary>What the run gives its <see cref="SitemapSeeder{TItem}"/>: where entries go, where outcomes go, and room to wait for.</summary>
/// <param name="AdmitAsync">Admits a batch of entries as the start URLs are (counted as discovered, skips recorded, hosts announced).</param>
/// <param name="RecordAsync">Records a sitemap file's outcome.</param>
/// <param name="WaitForRoomAsync">Returns once the frontier holds at most the given number of queued URLs.</param>
internal sealed record SitemapSink(
    Func<List<FrontierCandidate>, CancellationToken, ValueTask> AdmitAsync,
    Func<UrlOutcome, ValueTask> RecordAsync,
    Func<int, CancellationToken, ValueTask> WaitForRoomAsync);
