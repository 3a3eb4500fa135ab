using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeclarativeScrape.Tests;

/// <summary>A temporary state directory (deleted afterwards) and helpers to open stores on it.</summary>
public sealed class StateFixture : IDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("declarativescrape-state-").FullName;

    /// <summary>The state directory (not created: the store creates it).</summary>
    public string Directory => Path.Combine(_root, "state");

    /// <summary>The database file in it.</summary>
    public string DatabaseFile => Path.Combine(Directory, "crawl.sqlite");

    /// <summary>A path for the output file.</summary>
    public string Output(string name = "items.jsonl") => Path.Combine(_root, name);

    /// <summary>Hosts the store reported ready after a refill.</summary>
    public Channel<string> Refilled { get; } = Channel.CreateUnbounded<string>();

    /// <summary>Errors the store reported.</summary>
    public List<Exception> Failures { get; } = [];

    internal SqliteCrawlStore<Product> Open(string? output = null, int maxPages = 0, CrawlPlan<Product>? plan = null, TimeProvider? time = null) =>
        SqliteCrawlStore<Product>.Open(Directory, plan ?? ShopPlan.Create(), output, maxPages, time ?? TimeProvider.System, NullLogger.Instance,
            host => Refilled.Writer.TryWrite(host), e => { lock (Failures) { Failures.Add(e); } });

    public void Dispose()
    {
        System.IO.Directory.Delete(_root, recursive: true);
    }

    internal static FrontierCandidate Candidate(string url, int pageType = 1, int depth = 1)
    {
        var uri = new Uri(url);
        return new FrontierCandidate { Url = uri.AbsoluteUri, Target = uri, Host = uri.Authority, PageType = pageType, Depth = depth };
    }

    internal static UrlOutcome Processed(FrontierLease lease) =>
        new() { Url = lease.Url.AbsoluteUri, Kind = OutcomeKind.Processed, PageType = "Product", Depth = lease.Depth, Attempts = 1, StatusCode = 200 };

    internal static UrlOutcome Cancelled(FrontierLease lease) =>
        new() { Url = lease.Url.AbsoluteUri, Kind = OutcomeKind.Skipped, SkipReason = SkipReason.Cancelled, PageType = "Product" };

    /// <summary>What a leased URL caused: its outcome, its items, its links.</summary>
    internal static PageCompletion<Product> Page(FrontierLease lease, UrlOutcome outcome, IReadOnlyList<Product>? items = null, List<FrontierCandidate>? links = null) =>
        new(lease, outcome, items ?? [], links ?? []);

    internal static Product ItemOf(FrontierLease lease) => new($"Item {lease.Url.AbsolutePath}", 1.5m, lease.Url.AbsoluteUri);

    /// <summary>Leases the next URL of <paramref name="host"/>, waiting for a refill when its window is empty.</summary>
    internal async Task<FrontierLease> LeaseAsync(SqliteCrawlStore<Product> store, string host)
    {
        while (true)
        {
            if (store.TryLease(host, out var lease))
            {
                return lease;
            }

            store.QueuedFor(host).ShouldBeGreaterThan(0, $"{host} has nothing queued");
            (await Refilled.Reader.ReadAsync().AsTask().WaitAsync(Bound)).ShouldBe(host);
        }
    }

    /// <summary>Leases every URL of <paramref name="host"/> in order, waiting for refills, and completes each with one item.</summary>
    internal async Task<List<FrontierLease>> DrainAsync(SqliteCrawlStore<Product> store, string host, bool withItems = true)
    {
        var taken = new List<FrontierLease>();
        while (store.QueuedFor(host) > 0)
        {
            var lease = await LeaseAsync(store, host);
            taken.Add(lease);
            await store.CompleteAsync(Page(lease, Processed(lease), withItems ? [ItemOf(lease)] : []), CancellationToken.None).AsTask().WaitAsync(Bound);
        }

        return taken;
    }
}
