using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape;

/// <summary>
/// A run's counts and its kept failures: every URL that enters the frontier is counted once as discovered and
/// once in its outcome, so <see cref="ScrapeSummary.Reconciles"/> holds when the run ends. Lock-free counters; the
/// failure list takes a lock only when a URL fails.
/// </summary>
internal sealed class OutcomeRecorder(string scraper, ILogger logger, ScrapeMetrics? metrics = null)
{
    private readonly ScrapeMetrics _metrics = metrics ?? ScrapeMetrics.For(null);
    private readonly long[] _skipped = new long[Enum.GetValues<SkipReason>().Length];
    private readonly long[] _failed = new long[Enum.GetValues<FailureReason>().Length];
    private readonly List<UrlOutcome> _failures = [];
    private long _discovered;
    private long _processed;
    private long _items;
    private long _requests;
    private long _retries;
    private long _itemsDropped;
    private long _bytes;

    /// <summary>The instruments the run records on (its engine's).</summary>
    public ScrapeMetrics Metrics => _metrics;

    public long Discovered => Volatile.Read(ref _discovered);

    public long Processed => Volatile.Read(ref _processed);

    public long Items => Volatile.Read(ref _items);

    public long Retries => Volatile.Read(ref _retries);

    public long ItemsDropped => Volatile.Read(ref _itemsDropped);

    public long Requests => Volatile.Read(ref _requests);

    public long BytesReceived => Volatile.Read(ref _bytes);

    public long Skipped => Sum(_skipped);

    public long Failed => Sum(_failed);

    public void AddDiscovered(long count) => Interlocked.Add(ref _discovered, count);

    public void AddItem()
    {
        Interlocked.Increment(ref _items);
        _metrics.Items.Add(1, new KeyValuePair<string, object?>(ScrapeTelemetry.Scraper, scraper));
    }

    public void AddDroppedItem() => Interlocked.Increment(ref _itemsDropped);

    public void AddRequests(int count) => Interlocked.Add(ref _requests, count);

    public void AddRetry(string host)
    {
        Interlocked.Increment(ref _retries);
        _metrics.Retries.Add(1, ScrapeTelemetry.ServerTags(host));
    }

    public void AddBytes(long bytes) => Interlocked.Add(ref _bytes, bytes);

    /// <summary>Counts one outcome.</summary>
    public void Record(UrlOutcome outcome)
    {
        var tags = new TagList { { ScrapeTelemetry.Scraper, scraper }, { ScrapeTelemetry.Outcome, outcome.Kind.ToString() } };
        switch (outcome.Kind)
        {
            case OutcomeKind.Processed:
                Interlocked.Increment(ref _processed);
                break;
            case OutcomeKind.Skipped:
                Interlocked.Increment(ref _skipped[(int)outcome.SkipReason]);
                tags.Add(ScrapeTelemetry.SkipReason, outcome.SkipReason.ToString());
                break;
            default:
                Interlocked.Increment(ref _failed[(int)outcome.FailureReason]);
                tags.Add(ScrapeTelemetry.ErrorType, outcome.FailureReason.ToString());
                _metrics.Failures.Add(1, new TagList { { ScrapeTelemetry.Scraper, scraper }, { ScrapeTelemetry.ErrorType, outcome.FailureReason.ToString() } });
                Log.UrlFailed(logger, outcome.Url, outcome.FailureReason, outcome.Attempts, outcome.StatusCode, outcome.Message);
                lock (_failures)
                {
                    if (_failures.Count < ScrapeSummary.MaxFailuresKept)
                    {
                        _failures.Add(outcome);
                    }
                }

                break;
        }

        _metrics.Outcomes.Add(1, tags);
    }

    public ScrapeSummary Summarize(bool completed, TimeSpan elapsed)
    {
        List<UrlOutcome> failures;
        lock (_failures)
        {
            failures = [.. _failures];
        }

        return new ScrapeSummary
        {
            ScraperName = scraper,
            Completed = completed,
            Elapsed = elapsed,
            Discovered = Discovered,
            Processed = Processed,
            SkippedByReason = ByReason(_skipped, static i => (SkipReason)i),
            FailedByReason = ByReason(_failed, static i => (FailureReason)i),
            Items = Items,
            ItemsDropped = ItemsDropped,
            Requests = Volatile.Read(ref _requests),
            Retries = Retries,
            BytesReceived = Volatile.Read(ref _bytes),
            Failures = failures,
        };
    }

    private static Dictionary<TReason, long> ByReason<TReason>(long[] counts, Func<int, TReason> reason) where TReason : struct, Enum
    {
        var result = new Dictionary<TReason, long>();
        for (var i = 0; i < counts.Length; i++)
        {
            var count = Volatile.Read(ref counts[i]);
            if (count > 0)
            {
                result[reason(i)] = count;
            }
        }

        return result;
    }

    private static long Sum(long[] counts)
    {
        long sum = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            sum += Volatile.Read(ref counts[i]);
        }

        return sum;
    }
}
