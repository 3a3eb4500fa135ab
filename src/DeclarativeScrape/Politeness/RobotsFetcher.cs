using System.Text;
using Polly;

namespace DeclarativeScrape;

/// <summary>
/// Fetches one robots.txt through the run's fetch path (its timeouts, a 512 KiB cap) and turns the answer into rules
/// by RFC 9309: 2xx parsed; 4xx (other than 429) allow all. When it cannot be fetched for network reasons (refused,
/// reset, timed out, 5xx, 429) the host stays paused while robots.txt is retried with backoff for
/// <see cref="RobotsOptions.UnreachableTimeout"/>; if it stays unreachable the host's URLs fail with that reason.
/// Anything else that keeps robots.txt from being read (too large, too many redirects) disallows the host.
/// </summary>
internal static class RobotsFetcher
{
    /// <summary>The largest robots.txt read (RFC 9309 asks crawlers to parse at least 500 KiB).</summary>
    public const int MaxRobotsBytes = 512 * 1024;

    /// <param name="fetcher">The run's fetcher.</param>
    /// <param name="pipeline">The run's retry pipeline: it waits out the delays this decides.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="time">The engine's clock.</param>
    /// <param name="robotsUrl">The robots.txt URL.</param>
    /// <param name="onUnreachable">Called once, when the first attempt fails for a network reason (the host is paused from then on): the failure, and how long robots.txt will be retried.</param>
    /// <param name="stopToken">Cancelled when the engine stops.</param>
    public static async Task<FetchedRobots> FetchAsync(
        PageFetcher fetcher,
        ResiliencePipeline<FetchResult> pipeline,
        RunSettings settings,
        TimeProvider time,
        Uri robotsUrl,
        Action<string, TimeSpan> onUnreachable,
        CancellationToken stopToken)
    {
        var state = new State(fetcher, settings, time, robotsUrl, onUnreachable);
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
                return new FetchedRobots(RobotsTxt.Parse(text), null, Text: text);
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

        if (IsUnreachable(result))
        {
            return new FetchedRobots(
                RobotsTxt.DisallowAll,
                $"not fetched: robots.txt ({robotsUrl}) stayed unreachable for {Describe(time.GetElapsedTime(state.Started))} ({Detail(result)}; {state.Attempts} attempt(s)), and RFC 9309 forbids crawling a host without it",
                result.Failure,
                result.StatusCode);
        }

        return new FetchedRobots(RobotsTxt.DisallowAll, $"{robotsUrl} could not be used ({Detail(result)}); the host's URLs are skipped as disallowed (RFC 9309)");
    }

    /// <summary>A failure for network reasons: the server may answer later (RFC 9309 §2.3.1.4's "unreachable").</summary>
    private static bool IsUnreachable(FetchResult result) =>
        result.Status == FetchStatus.Failed
        && (result.Failure is FailureReason.Network or FailureReason.Timeout or FailureReason.IdleTimeout
            || (result.Failure == FailureReason.HttpStatus && result.StatusCode is >= 500 or 429));

    private static string Detail(FetchResult result) => result.Message ?? result.Status.ToString();

    private static string Describe(TimeSpan elapsed) =>
        elapsed < TimeSpan.FromMinutes(1) ? $"{elapsed.TotalSeconds:0.#} s" : $"{elapsed:h\\:mm\\:ss}";

    private sealed class State(PageFetcher fetcher, RunSettings settings, TimeProvider time, Uri url, Action<string, TimeSpan> onUnreachable)
    {
        public int Attempts { get; private set; }

        public long Started { get; } = time.GetTimestamp();

        public async ValueTask<FetchResult> AttemptAsync(CancellationToken cancellationToken)
        {
            Attempts++;
            var result = await fetcher.FetchAsync(url, scope: null, Math.Min(MaxRobotsBytes, settings.MaxResponseBytes), requireHtml: false, Attempts, cancellationToken).ConfigureAwait(false);
            result.Retry = false;
            result.RetryDelay = null;
            if (!IsUnreachable(result))
            {
                return result;
            }

            if (Attempts == 1)
            {
                onUnreachable(Detail(result), settings.RobotsUnreachableTimeout);
            }

            // Retried with backoff until the time is up: the last wait ends at the deadline.
            var remaining = settings.RobotsUnreachableTimeout - time.GetElapsedTime(Started);
            if (remaining > TimeSpan.Zero)
            {
                var backoff = result.RetryAfter is { } after
                    ? RetryPolicy.Clamp(after, settings.MaxDelay)
                    : RetryPolicy.Clamp(settings.BaseDelay * Math.Pow(2, Math.Min(Attempts - 1, 16)), settings.MaxDelay);
                result.Retry = true;
                result.RetryDelay = backoff < remaining ? backoff : remaining;
            }

            return result;
        }
    }
}
