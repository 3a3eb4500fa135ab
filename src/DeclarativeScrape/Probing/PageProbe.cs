using System.Buffers;
using Polly;

namespace DeclarativeScrape;

/// <summary>
/// One page through a scraper's extraction, for a person writing the scraper (the host's <c>probe</c> command): fetched
/// as a crawl fetches it (robots.txt for the scraper's user agent, its login step, the scraper's and the page type's
/// headers, cookies, timeouts, retries, size caps, redirects within the allowed hosts), or read from a saved file, then decoded, parsed and extracted by the crawl's own parse
/// worker. Nothing is stored and no link is followed.
/// </summary>
public static class PageProbe
{
    /// <summary>Fetches <paramref name="url"/> as a crawl with <paramref name="options"/> would, and extracts it as <paramref name="pageType"/>.</summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The scraper's generated <c>Plan</c>.</param>
    /// <param name="options">The run's options (start from <c>Plan.CreateOptions()</c>); <see cref="ScrapeOptions.Engine"/> picks the engine.</param>
    /// <param name="url">The page's absolute http(s) URL.</param>
    /// <param name="pageType">The page type to extract it as; <see langword="null"/> for the start page type.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The response and the extraction; a page that could not be fetched has its <see cref="ProbeResult{TItem}.Problem"/>.</returns>
    /// <exception cref="ScrapeOptionsException">An option has a value that cannot work.</exception>
    public static async Task<ProbeResult<TItem>> FetchAsync<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, Uri url, PageType<TItem>? pageType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{url}' is not an absolute http or https URL.", nameof(url));
        }

        options.Validate();
        pageType ??= plan.StartPage;
        var engine = options.Engine ?? ScrapeEngine.Shared;
        var settings = new RunSettings(plan.Name, options);
        var logger = engine.CreateLogger();
        var recorder = new OutcomeRecorder(plan.Name, logger);
        using var control = new RequestControl(engine.Fetch, settings);
        var fetcher = new PageFetcher(control, settings, engine.Time, recorder, BodyBudget.ForRun(settings.BodyBudgetBytes, engine.Bodies), logger, DevelopmentHttpCache.Open(settings, engine.Metrics));
        var pipeline = engine.Pipelines.For(settings.BaseDelay, settings.MaxDelay);

        if (settings.ObeyRobots)
        {
            // The engine's robots.txt cache, as a crawl on the same engine uses it (fetched once per origin, on the engine's life).
            var robots = await engine.Robots.GetAsync(url, robotsUrl => RobotsFetcher.FetchAsync(fetcher, pipeline, settings, engine.Time, robotsUrl, (detail, wait) => Log.RobotsUnreachable(logger, url.GetLeftPart(UriPartial.Authority), detail, wait), engine.StopToken))
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!robots.Rules.For(settings.UserAgent).IsAllowed(url.PathAndQuery))
            {
                return NoPage(url, url, pageType, null, robots.Problem
                    ?? $"robots.txt of {url.GetLeftPart(UriPartial.Authority)} disallows {url.PathAndQuery} for the user agent '{settings.UserAgent}' (Robots.Obey; --no-robots only for a site you own)");
            }
        }

        if (settings.Login is { } login)
        {
            // The crawl logs in before its first page; the probe does too, so the page is fetched with the same cookies.
            try
            {
                await new LoginStep(control, settings, recorder).RunAsync(login, cancellationToken).ConfigureAwait(false);
            }
            catch (LoginException exception)
            {
                return NoPage(url, url, pageType, null, exception.Message);
            }
        }

        var attempts = new Attempts(fetcher, settings, url, pageType.Headers);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        Outcome<FetchResult> outcome;
        try
        {
            outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) => Outcome.FromResult(await state.NextAsync(ctx.CancellationToken).ConfigureAwait(false)),
                context,
                attempts).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (outcome.Result is not { } result)
        {
            return NoPage(url, url, pageType, null, outcome.Exception?.Message ?? "the request failed");
        }

        if (result.Status != FetchStatus.Fetched)
        {
            var reason = result.Status == FetchStatus.OutOfScope ? "" : $"{result.Failure}: ";
            return NoPage(url, result.FinalUrl, pageType, result.StatusCode, $"{reason}{result.Message} (after {attempts.Count} attempt(s))");
        }

        var body = result.Body;
        try
        {
            return Extract(url, result.FinalUrl, result.StatusCode, result.ContentType, body is null ? [] : body.Bytes.ToArray(), pageType, settings.Encoding);
        }
        finally
        {
            body?.Dispose();
        }
    }

    /// <summary>Extracts a saved page as <paramref name="pageType"/>, decoded as the crawl decodes a page.</summary>
    /// <typeparam name="TItem">The scraper's item type.</typeparam>
    /// <param name="plan">The scraper's generated <c>Plan</c>.</param>
    /// <param name="page">The page's bytes, as saved.</param>
    /// <param name="url">The URL the page came from: relative links resolve against it (or its <c>&lt;base href&gt;</c>).</param>
    /// <param name="contentType">The <c>Content-Type</c> header it came with, or <see langword="null"/> when unknown.</param>
    /// <param name="pageType">The page type to extract it as; <see langword="null"/> for the start page type.</param>
    /// <param name="options">The run's options, for <see cref="ScrapeOptions.PageEncoding"/>; <see langword="null"/> for the scraper's own.</param>
    /// <returns>The extraction.</returns>
    public static ProbeResult<TItem> Read<TItem>(CrawlPlan<TItem> plan, ReadOnlyMemory<byte> page, Uri url, string? contentType = null, PageType<TItem>? pageType = null, ScrapeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(url);
        options ??= plan.CreateOptions();
        options.Validate();
        var encoding = options.PageEncoding is { } label && EncodingLabels.TryGet(label, out var id) ? id : (EncodingId?)null;
        return Extract(url, url, null, contentType, page.ToArray(), pageType ?? plan.StartPage, encoding);
    }

    private static ProbeResult<TItem> Extract<TItem>(Uri url, Uri finalUrl, int? status, string? contentType, byte[] body, PageType<TItem> pageType, EncodingId? encoding)
    {
        var worker = new ParseWorker(encoding);
        var extraction = worker.Extract(body, contentType, finalUrl, pageType);
        return new ProbeResult<TItem>
        {
            Url = url,
            FinalUrl = finalUrl,
            PageType = pageType,
            StatusCode = status,
            ContentType = contentType,
            Body = body,
            HasItem = extraction.HasItem,
            Item = extraction.HasItem ? extraction.Item : default,
            Failures = extraction.Failures,
            Error = extraction.Error,
            Links = [.. worker.Links],
        };
    }

    private static ProbeResult<TItem> NoPage<TItem>(Uri url, Uri finalUrl, PageType<TItem> pageType, int? status, string problem) => new()
    {
        Url = url,
        FinalUrl = finalUrl,
        PageType = pageType,
        StatusCode = status,
        Problem = problem,
    };

    /// <summary>The attempts of one probe, each decided on as the crawl decides (retryable statuses, 429s, network errors).</summary>
    private sealed class Attempts(PageFetcher fetcher, RunSettings settings, Uri url, IReadOnlyList<KeyValuePair<string, string>> pageHeaders)
    {
        private int _rateLimited;

        public int Count { get; private set; }

        public async ValueTask<FetchResult> NextAsync(CancellationToken cancellationToken)
        {
            Count++;
            var result = await fetcher.FetchAsync(url, settings.Scope, settings.MaxResponseBytes, requireHtml: true, Count, cancellationToken, pageHeaders).ConfigureAwait(false);
            if (result.StatusCode == 429)
            {
                // A probe has no host gate to read a 503 as a limit: a 429 is one, as the crawl reads it.
                result.RateLimited = true;
                _rateLimited++;
            }

            RetryPolicy.Decide(result, Count - _rateLimited, _rateLimited, settings);
            return result;
        }
    }
}
