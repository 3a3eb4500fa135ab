using System.Text;
using Polly;

namespace DeclarativeScrape;

/// <summary>
/// Fetches one robots.txt through the run's fetch path (its timeouts and retries, a 512 KiB cap) and turns the
/// answer into rules by RFC 9309: 2xx parsed; 4xx (other than 429) allow all; 5xx, 429 and network failures after
/// the retries disallow all, with a message that says why.
/// </summary>
internal static class RobotsFetcher
{
    /// <summary>The largest robots.txt read (RFC 9309 asks crawlers to parse at least 500 KiB).</summary>
    public const int MaxRobotsBytes = 512 * 1024;

    public static async Task<FetchedRobots> FetchAsync(PageFetcher fetcher, ResiliencePipeline<FetchResult> pipeline, RunSettings settings, Uri robotsUrl, CancellationToken stopToken)
    {
        var state = new State(fetcher, settings, robotsUrl);
        var context = ResilienceContextPool.Shared.Get(stopToken);
        Outcome<FetchResult> outcome;
        try
        {
            outcome = await pipeline.ExecuteOutcomeAsync(static async (ctx, s) => Outcome.FromResult(await s.AttemptAsync(ctx.CancellationToken).ConfigureAwait(false)), context, state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Result is not { } result)
        {
            return new FetchedRobots(RobotsTxt.DisallowAll, $"{robotsUrl}: {outcome.Exception?.Message}");
        }

        if (result.Status == FetchStatus.Fetched)
        {
            try
            {
                var bytes = result.Body!.Bytes;
                var text = Encoding.UTF8.GetString(bytes.FirstSpan.StartsWith("\uFEFF"u8) ? bytes.Slice(3) : bytes);
                return new FetchedRobots(RobotsTxt.Parse(text), null);
            }
            finally
            {
                result.Body?.Dispose();
            }
        }

        if (result.Failure == FailureReason.HttpStatus && result.StatusCode is >= 400 and < 500 and not 429)
        {
            return new FetchedRobots(RobotsTxt.AllowAll, null);
        }

        return new FetchedRobots(
            RobotsTxt.DisallowAll,
            $"{robotsUrl} could not be fetched ({result.Message ?? result.Status.ToString()}) after {state.Attempts} attempt(s); the host is treated as disallowed (RFC 9309)");
    }

    private sealed class State(PageFetcher fetcher, RunSettings settings, Uri url)
    {
        public int Attempts { get; private set; }

        public async ValueTask<FetchResult> AttemptAsync(CancellationToken cancellationToken)
        {
            Attempts++;
            var result = await fetcher.FetchAsync(url, scope: null, Math.Min(MaxRobotsBytes, settings.MaxResponseBytes), requireHtml: false, Attempts, cancellationToken).ConfigureAwait(false);
            RetryPolicy.Decide(result, Attempts, rateLimited: settings.MaxRateLimitedAttempts, settings);
            if (result.IsRateLimited)
            {
                // For robots.txt a 429 is one more server error: retried within the attempts, then "disallow all".
                result.Retry = Attempts < settings.MaxAttempts;
                result.RetryDelay = result.RetryAfter is { } after ? RetryPolicy.Clamp(after, settings.MaxDelay) : null;
            }

            return result;
        }
    }
}
