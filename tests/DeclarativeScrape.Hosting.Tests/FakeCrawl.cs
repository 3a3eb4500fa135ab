using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.Hosting.Tests;

/// <summary>
/// A crawl driven by the test: it emits the events the test writes, and ends when the test finishes it or when the
/// host's stop token is cancelled (then it "drains" and completes with <c>Completed = false</c>).
/// </summary>
internal sealed class FakeCrawl : ICrawl<TestItem>, ICrawlStarter
{
    private readonly Channel<ScrapeEvent<TestItem>> _events = Channel.CreateUnbounded<ScrapeEvent<TestItem>>();
    private readonly TaskCompletionSource<ScrapeSummary> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _items;
    private long _processed;
    private long _failed;

    public TaskCompletionSource<ScrapeOptions> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Disposed { get; private set; }

    public bool StoppedNow { get; private set; }

    public void StopNow() => StoppedNow = true;

    public Task<ScrapeSummary> Completion => _completion.Task;

    public ICrawl<TItem> Start<TItem>(CrawlPlan<TItem> plan, ScrapeOptions options, ILoggerFactory loggerFactory, CancellationToken stop)
    {
        stop.Register(() => Finish(completed: false));
        Started.TrySetResult(options);
        return (ICrawl<TItem>)(object)this;
    }

    public void Item(string title)
    {
        Interlocked.Increment(ref _items);
        Interlocked.Increment(ref _processed);
        _events.Writer.TryWrite(new ScrapeEvent<TestItem>(new TestItem(title)));
        _events.Writer.TryWrite(new ScrapeEvent<TestItem>(new UrlOutcome { Url = $"http://h/{title}", Kind = OutcomeKind.Processed, PageType = "TestPage", Attempts = 1 }));
    }

    public void Failure(string url)
    {
        Interlocked.Increment(ref _failed);
        _events.Writer.TryWrite(new ScrapeEvent<TestItem>(new UrlOutcome
        {
            Url = url, Kind = OutcomeKind.Failed, PageType = "TestPage", FailureReason = FailureReason.HttpStatus, StatusCode = 500, Attempts = 3,
        }));
    }

    public void Finish(bool completed = true)
    {
        _events.Writer.TryComplete();
        _completion.TrySetResult(new ScrapeSummary
        {
            ScraperName = TestPlans.Name,
            Completed = completed,
            Elapsed = TimeSpan.FromSeconds(2),
            Discovered = _processed + _failed,
            Processed = _processed,
            SkippedByReason = new Dictionary<SkipReason, long>(),
            FailedByReason = new Dictionary<FailureReason, long> { [FailureReason.HttpStatus] = _failed },
            Items = _items,
            Requests = _processed + 3 * _failed,
            Retries = 2 * _failed,
            BytesReceived = 1000,
            Failures = [],
        });
    }

    public void Fail(Exception error)
    {
        _events.Writer.TryComplete();
        _completion.TrySetException(error);
    }

    public IAsyncEnumerable<ScrapeEvent<TestItem>> ReadEventsAsync(CancellationToken cancellationToken) => _events.Reader.ReadAllAsync(cancellationToken);

    public ScrapeProgress GetProgress() => new()
    {
        Elapsed = TimeSpan.FromSeconds(1),
        PagesFetched = _processed + _failed,
        PagesPerSecond = 1,
        InFlight = 1,
        Queued = 2,
        Items = _items,
        Processed = _processed,
        Skipped = 0,
        Failed = _failed,
        Retries = 0,
        Hosts = [new HostProgress("localhost:5080", 1, 8, 2)],
    };

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
