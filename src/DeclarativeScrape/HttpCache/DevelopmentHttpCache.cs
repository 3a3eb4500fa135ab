using System.Net;

namespace DeclarativeScrape;

/// <summary>
/// The development HTTP cache (<see cref="ScrapeOptions.HttpCache"/>), behind the fetcher: every response a run receives
/// is kept on disk and a later run replays it instead of asking the site, so an author iterating on selectors re-runs a
/// crawl without touching the site. Each request is one file named by its key (method, canonical URL and the request
/// headers that vary the response: every header sent but <c>Cookie</c>); each redirect hop is a request of its own, so a
/// replayed crawl follows the same redirects to the same final URL. An entry is the response's status, headers and body
/// exactly as it came off the wire (still compressed when it was), which the fetcher then reads as it reads any response:
/// the same caps, decompression and decoding.
/// </summary>
/// <remarks>
/// <para>What is kept: a 2xx response once its whole body has been read (a body cut off by a cap, a timeout or the run
/// stopping is never kept); a 3xx or 4xx answer (but 429) at once, without its body, which the crawl never reads. 429 and
/// 5xx answers and network failures are not kept: the next run asks again. robots.txt goes through the fetcher like a
/// page, so it is kept and replayed too.</para>
/// <para>Entries are written to a temporary file and moved into place once complete, so a crash never leaves a partial
/// entry under an entry's name; an entry that does not read back whole (its recorded length and SHA-256 checked) is a
/// miss and is replaced. When the entries pass <see cref="HttpCacheOptions.MaxBytes"/>, those written longest ago are
/// deleted. Not HTTP caching (RFC 9111): <c>Cache-Control</c> is ignored and nothing is revalidated.</para>
/// <para>This type is the fetcher's side (keys, lookups, counts); the files are <see cref="HttpCacheDirectory"/>'s, their
/// format <see cref="HttpCacheEntryFormat"/>'s, and a body being kept <see cref="HttpCacheRecordingContent"/>'s.</para>
/// </remarks>
internal sealed class DevelopmentHttpCache
{
    private readonly HttpCacheDirectory _directory;
    private readonly ScrapeMetrics _metrics;
    private long _hits;
    private long _misses;

    private DevelopmentHttpCache(HttpCacheDirectory directory, ScrapeMetrics metrics)
    {
        _directory = directory;
        _metrics = metrics;
    }

    /// <summary>The cache a run's settings ask for, its directory created; <see langword="null"/> when they ask for none.</summary>
    /// <exception cref="ScrapeOptionsException">The directory cannot be created or written.</exception>
    public static DevelopmentHttpCache? Open(RunSettings settings, ScrapeMetrics metrics) =>
        settings.HttpCacheDirectory is { } directory
            ? new DevelopmentHttpCache(HttpCacheDirectory.Open(directory, settings.HttpCacheMaxBytes), metrics)
            : null;

    /// <summary>The counts so far.</summary>
    public HttpCacheSummary Summarize() => new()
    {
        Directory = _directory.Path,
        Hits = Interlocked.Read(ref _hits),
        Misses = Interlocked.Read(ref _misses),
        Stored = _directory.Stored,
        Evicted = _directory.Evicted,
    };

    /// <summary>The kept response to <paramref name="request"/>, or the site's (kept as described in the remarks).</summary>
    /// <param name="client">The client that sends a request the cache cannot answer.</param>
    /// <param name="request">The request, with every header it will be sent with.</param>
    /// <param name="cancellationToken">The attempt's token.</param>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        var key = KeyOf(request);
        var path = _directory.PathOf(key);
        var tags = ScrapeTelemetry.ServerTags(url);
        if (TryReplay(path, key, request) is { } replayed)
        {
            Interlocked.Increment(ref _hits);
            tags.Add(ScrapeTelemetry.HttpCacheResult, "hit");
            _metrics.HttpCacheLookups.Add(1, tags);
            return replayed;
        }

        Interlocked.Increment(ref _misses);
        tags.Add(ScrapeTelemetry.HttpCacheResult, "miss");
        _metrics.HttpCacheLookups.Add(1, tags);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is 429 or >= 500 or < 200)
        {
            return response;
        }

        var header = HttpCacheEntryFormat.HeaderLine(key, url, response);
        if (status is >= 200 and <= 299)
        {
            response.Content = new HttpCacheRecordingContent(response.Content, _directory, path, header);
        }
        else
        {
            // A redirect or a client error: the crawl reads its status and headers, never its body.
            _directory.Store(path, header, ReadOnlySpan<byte>.Empty);
        }

        return response;
    }

    /// <summary>What identifies a request: its method, canonical URL and the headers sent with it but <c>Cookie</c>, one per line.</summary>
    internal static string KeyOf(HttpRequestMessage request)
    {
        var url = request.RequestUri!;
        var canonical = UrlCanonicalizer.TryCanonicalize(url, out var c) ? c.AbsoluteUri : url.AbsoluteUri;
        var headers = new List<string>();
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            if (!name.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(name.ToLowerInvariant() + ": " + values.ToString());
            }
        }

        headers.Sort(StringComparer.Ordinal);
        return request.Method.Method + " " + canonical + "\n" + string.Join("\n", headers);
    }

    /// <summary>The entry at <paramref name="path"/> as a response, or <see langword="null"/> when there is none, or it is not whole, or it is another key's.</summary>
    private static HttpResponseMessage? TryReplay(string path, string key, HttpRequestMessage request)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 16384, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            if (HttpCacheEntryFormat.Read(file, key) is not { } entry)
            {
                file.Dispose();
                return null;
            }

            var response = new HttpResponseMessage((HttpStatusCode)entry.Status)
            {
                ReasonPhrase = entry.Reason,
                RequestMessage = request,
                Content = new StreamContent(file),
            };
            foreach (var (name, value) in entry.Headers)
            {
                if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return response;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file.Dispose();
            return null;
        }
    }
}
