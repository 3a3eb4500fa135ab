using System.IO.Compression;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape;

/// <summary>
/// Seeds a run from its sitemaps, beside its start URLs: reads each sitemap (the configured ones, and those of the
/// start hosts' robots.txt <c>Sitemap:</c> lines), follows sitemap indexes, and admits each entry as a page of the
/// first page type whose <see cref="PageType{TItem}.SitemapRules"/> it passes. Files are streamed (gzip decompressed
/// on the way) and entries admitted in batches; while the frontier holds <see cref="HighWater"/> queued URLs the reader
/// waits for the crawl to catch up, so a sitemap of a million URLs costs the memory of a few thousand. Every sitemap
/// file read is an outcome (processed, or failed with why) of page type <c>(sitemap)</c>.
/// </summary>
internal sealed class SitemapSeeder<TItem>(
    CrawlPlan<TItem> plan,
    RunSettings settings,
    RequestControl requests,
    FrontierPolicy policy,
    TimeProvider time,
    OutcomeRecorder recorder,
    ILogger logger,
    SitemapSink sink)
{
    /// <summary>The page type shown in the outcomes of sitemap files.</summary>
    public const string PageTypeName = "(sitemap)";

    /// <summary>The name an entry's <c>lastmod</c> is carried under: a page reads it with <c>[Carried] public DateTimeOffset? LastModified</c>.</summary>
    public const string LastModifiedName = "LastModified";

    private static readonly string[] LastModifiedNames = [LastModifiedName];

    /// <summary>Entries admitted at once.</summary>
    private const int Batch = 256;

    /// <summary>The most sitemap files one run reads (index files included).</summary>
    private const int MaxSitemaps = 10_000;

    /// <summary>The page types entries may be, with their index in the plan, in the order of the scraper's [Sitemap]s.</summary>
    private readonly (UrlRules Rules, int Index)[] _sitemapPages =
    [
        .. plan.Pages.Select((page, index) => (page, index)).Where(p => p.page.SitemapRules is not null)
            .OrderBy(p => p.page.SitemapOrder).Select(p => (p.page.SitemapRules!, p.index)),
    ];

    /// <summary>Queued URLs above which the reader waits.</summary>
    public int HighWater { get; } = Math.Max(4096, settings.MaxConcurrency * 256);

    public async Task RunAsync(CancellationToken stopToken)
    {
        var queue = new Queue<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in settings.SitemapUrls)
        {
            Enqueue(url);
        }

        if (settings.SitemapsFromRobots)
        {
            foreach (var origin in settings.StartUrls.Select(u => new Uri(u.GetLeftPart(UriPartial.Authority) + "/robots.txt")).DistinctBy(u => u.AbsoluteUri))
            {
                foreach (var url in await RobotsSitemapsAsync(origin, stopToken).ConfigureAwait(false))
                {
                    Enqueue(url);
                }
            }
        }

        while (queue.TryDequeue(out var sitemap) && !stopToken.IsCancellationRequested)
        {
            await ReadAsync(sitemap, Enqueue, stopToken).ConfigureAwait(false);
        }

        void Enqueue(Uri url)
        {
            if (seen.Count < MaxSitemaps && seen.Add(url.AbsoluteUri))
            {
                queue.Enqueue(url);
            }
        }
    }

    private async Task ReadAsync(Uri sitemap, Action<Uri> enqueue, CancellationToken stopToken)
    {
        var batch = new List<FrontierCandidate>(Batch);
        long entries = 0, leftOut = 0;
        string? failure = null;
        int? status = null;
        try
        {
            using var timeouts = new AttemptTimeouts(time, TimeSpan.FromTicks(Math.Max(settings.RequestTimeout.Ticks, TimeSpan.FromMinutes(10).Ticks)), settings.ReadIdleTimeout, stopToken);
            using var response = await SendAsync(sitemap, timeouts).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                failure = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
            }
            else
            {
                await using var stream = Decompressed(sitemap, response, timeouts, await response.Content.ReadAsStreamAsync(timeouts.Token).ConfigureAwait(false));
                await foreach (var entry in SitemapReader.ReadAsync(stream, timeouts.Token).ConfigureAwait(false))
                {
                    entries++;
                    if (!Uri.TryCreate(sitemap, entry.Location, out var url))
                    {
                        leftOut++;
                    }
                    else if (settings.SitemapsModifiedSince is { } since && entry.LastModified < since)
                    {
                        leftOut++;   // a sitemap not changed since holds no entry changed since either
                    }
                    else if (entry.IsSitemap)
                    {
                        enqueue(url);
                    }
                    else if (PageTypeOf(url) is not { } pageType)
                    {
                        leftOut++;
                    }
                    else
                    {
                        var candidate = policy.ForSitemapEntry(url, entry.Location, pageType);
                        if (entry.LastModified is { } modified)
                        {
                            candidate.Carried = CarriedValues.Create(LastModifiedNames, [ItemWriting.FormatDate(modified)]);
                        }

                        batch.Add(candidate);
                        if (batch.Count == Batch)
                        {
                            await sink.AdmitAsync(batch, stopToken).ConfigureAwait(false);
                            batch = new List<FrontierCandidate>(Batch);
                            await sink.WaitForRoomAsync(HighWater, stopToken).ConfigureAwait(false);
                        }
                    }
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or System.Xml.XmlException or OperationCanceledException or InvalidDataException)
        {
            failure = stopToken.IsCancellationRequested ? null : exception is OperationCanceledException ? "timed out" : exception.Message;
        }

        if (batch.Count > 0)
        {
            await sink.AdmitAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }

        if (stopToken.IsCancellationRequested && failure is null)
        {
            return;
        }

        if (failure is not null)
        {
            logger.LogWarning("Sitemap {Url} could not be read: {Problem}", sitemap, failure);
        }

        await sink.RecordAsync(new UrlOutcome
        {
            Url = sitemap.AbsoluteUri,
            Kind = failure is null ? OutcomeKind.Processed : OutcomeKind.Failed,
            FailureReason = failure is null ? FailureReason.None : status is null ? FailureReason.Network : FailureReason.HttpStatus,
            StatusCode = status,
            PageType = PageTypeName,
            Attempts = 1,
            Message = failure ?? $"{entries} entries, {leftOut} left out (by the [Sitemap] rules, Sitemaps.ModifiedSince, or not a URL)",
        }).ConfigureAwait(false);
    }

    private int? PageTypeOf(Uri url)
    {
        foreach (var (rules, index) in _sitemapPages)
        {
            if (rules.Allows(url))
            {
                return index;
            }
        }

        return null;
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, AttemptTimeouts timeouts)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        requests.Prepare(request, null);
        request.Headers.Accept.Clear();
        request.Headers.TryAddWithoutValidation("Accept", "application/xml,text/xml;q=0.9,*/*;q=0.8");
        request.Headers.AcceptEncoding.Clear();   // a .gz sitemap is gzip itself; anything else comes plain
        request.Options.Set(FetchClient.ConnectTimeoutKey, settings.ConnectTimeout);
        recorder.AddRequests(1);
        var response = await requests.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeouts.Token).ConfigureAwait(false);
        timeouts.Progress();
        requests.Received(url, response);
        return response;
    }

    // The body as it comes off the wire (idle timeout, byte counts), gunzipped when the file is gzip, capped once decompressed.
    private Stream Decompressed(Uri url, HttpResponseMessage response, AttemptTimeouts timeouts, Stream body)
    {
        Stream stream = new WireStream(body, long.MaxValue, timeouts, url.Authority, recorder);
        var media = response.Content.Headers.ContentType?.MediaType;
        var encoding = response.Content.Headers.ContentEncoding;
        if (url.AbsolutePath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || media is "application/gzip" or "application/x-gzip" || encoding.Contains("gzip"))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new LimitedStream(stream, settings.SitemapMaxBytes, $"the sitemap {url.AbsoluteUri} (decompressed; Sitemaps.MaxBytes)");
    }

    private async Task<IReadOnlyList<Uri>> RobotsSitemapsAsync(Uri robots, CancellationToken stopToken)
    {
        try
        {
            using var timeouts = new AttemptTimeouts(time, settings.RequestTimeout, settings.ReadIdleTimeout, stopToken);
            using var response = await SendAsync(robots, timeouts).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return [];
            }

            await using var stream = new LimitedStream(new WireStream(await response.Content.ReadAsStreamAsync(timeouts.Token).ConfigureAwait(false), long.MaxValue, timeouts, robots.Authority, recorder), RobotsFetcher.MaxRobotsBytes, "robots.txt");
            using var reader = new StreamReader(stream);
            var found = new List<Uri>();
            while (await reader.ReadLineAsync(timeouts.Token).ConfigureAwait(false) is { } line)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line.AsSpan(0, colon).Trim().Equals("sitemap", StringComparison.OrdinalIgnoreCase)
                    && Uri.TryCreate(robots, line[(colon + 1)..].Split('#')[0].Trim(), out var url) && url.Scheme is "http" or "https")
                {
                    found.Add(url);
                }
            }

            return found;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            logger.LogWarning("robots.txt {Url} could not be read for its sitemaps: {Problem}", robots, exception.Message);
            return [];
        }
    }
}
