namespace DeclarativeScrape.Tests;

public sealed class InMemoryCrawlStoreTests
{
    private static FrontierCandidate Candidate(string url, int depth = 1, SkipReason skip = SkipReason.None)
    {
        var uri = new Uri(url);
        return new FrontierCandidate { Url = uri.AbsoluteUri, Target = uri, Host = uri.Authority, PageType = 1, Depth = depth, Skip = skip };
    }

    [Fact]
    public async Task Admission_dedupes_queues_per_host_in_order_and_writes_the_verdicts_back()
    {
        var store = new InMemoryCrawlStore<string>(maxPages: 0);
        List<FrontierCandidate> batch =
        [
            Candidate("http://a.example/1"),
            Candidate("http://b.example/1"),
            Candidate("http://a.example/2"),
            Candidate("http://a.example/1"),
            Candidate("http://a.example/3", skip: SkipReason.MaxDepth),
        ];

        await store.AdmitAsync(batch, CancellationToken.None);

        batch.Select(c => c.Skip).ShouldBe([SkipReason.None, SkipReason.None, SkipReason.None, SkipReason.Duplicate, SkipReason.MaxDepth]);
        store.QueuedHosts().Order().ShouldBe(["a.example", "b.example"]);
        store.TryLease("a.example", out var first).ShouldBeTrue();
        store.TryLease("a.example", out var second).ShouldBeTrue();
        store.TryLease("a.example", out _).ShouldBeFalse();
        (first.Url.AbsoluteUri, second.Url.AbsoluteUri).ShouldBe(("http://a.example/1", "http://a.example/2"));
        store.Counts.ShouldBe(new FrontierCounts(Admitted: 3, Queued: 1, Leased: 2, Completed: 0));
    }

    [Fact]
    public async Task Completion_admits_the_pages_links_and_max_pages_bounds_admission()
    {
        var store = new InMemoryCrawlStore<string>(maxPages: 2);
        List<FrontierCandidate> start = [Candidate("http://a.example/")];
        await store.AdmitAsync(start, CancellationToken.None);
        store.TryLease("a.example", out var lease).ShouldBeTrue();
        List<FrontierCandidate> links = [Candidate("http://a.example/x"), Candidate("http://a.example/y"), Candidate("http://a.example/")];
        var outcome = new UrlOutcome { Url = lease.Url.AbsoluteUri, Kind = OutcomeKind.Processed, PageType = "Listing" };

        var done = await store.CompleteAsync(new PageCompletion<string>(lease, outcome, ["item"], links), CancellationToken.None);

        done.ShouldBe(new CompletionResult(outcome, ItemsKept: true));

        links.Select(c => c.Skip).ShouldBe([SkipReason.None, SkipReason.MaxPages, SkipReason.Duplicate]);
        store.Counts.ShouldBe(new FrontierCounts(Admitted: 2, Queued: 1, Leased: 0, Completed: 1));
        (await store.ReleaseQueuedAsync(CancellationToken.None).ToListAsync()).ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe("http://a.example/x");
        store.Counts.Queued.ShouldBe(0);
    }
}
