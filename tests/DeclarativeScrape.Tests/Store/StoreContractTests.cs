using Microsoft.Extensions.Logging.Abstractions;

namespace DeclarativeScrape.Tests;

/// <summary>
/// The store contract, checked the same way on every store a run can have: one admission rule, a completion that
/// returns what it made of the page (never an exception for what the page holds), the items kept in the output.
/// </summary>
public sealed class StoreContractTests : IDisposable
{
    private readonly StateFixture _state = new();

    public void Dispose() => _state.Dispose();

    public static TheoryData<string> Stores => ["memory", "state directory"];

    private ICrawlStore<Product> Open(string kind, int maxPages = 0, ItemFormat<Product>? format = null)
    {
        var plan = ShopPlan.Create(format: format);
        var settings = new RunSettings(plan.Name, new ScrapeOptions
        {
            StartUrls = [new Uri("http://a.example/")],
            OutputPath = _state.Output(),
            StateDirectory = kind == "memory" ? null : _state.Directory,
            Limits = { MaxPages = maxPages },
        });
        return CrawlStores.Open(new StoreContext<Product>(plan, settings, TimeProvider.System, NullLogger.Instance, new OutcomeRecorder(plan.Name, NullLogger.Instance), _ => { }, () => { }, e => throw e));
    }

    private static FrontierCandidate Candidate(string url) => StateFixture.Candidate(url);

    private static async Task<FrontierLease> LeaseAsync(ICrawlStore<Product> store, string host)
    {
        store.TryLease(host, out var lease).ShouldBeTrue($"{host} has a URL in its window");
        return await Task.FromResult(lease);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Every_store_admits_by_the_same_rule(string kind)
    {
        await using var store = Open(kind, maxPages: 3);
        List<FrontierCandidate> start =
        [
            Candidate("http://a.example/1"),
            Candidate("http://b.example/1"),
            Candidate("http://a.example/1"),
            Candidate("http://a.example/9") with { Skip = SkipReason.MaxDepth, Message = "deep" },
            Candidate("http://a.example/2"),
            Candidate("http://a.example/3"),
        ];

        await store.AdmitAsync(start, CancellationToken.None);

        start.Select(c => c.Skip).ShouldBe([SkipReason.None, SkipReason.None, SkipReason.Duplicate, SkipReason.MaxDepth, SkipReason.None, SkipReason.MaxPages],
            "a duplicate before the limit, a candidate skipped earlier left as it is, then the limit");
        start[3].Message.ShouldBe("deep");
        start[5].Message.ShouldBe("Limits.MaxPages (3) reached");

        var lease = await LeaseAsync(store, "a.example");
        List<FrontierCandidate> links = [Candidate("http://a.example/3"), Candidate("http://a.example/2"), Candidate("http://a.example/3")];
        await store.CompleteAsync(StateFixture.Page(lease, StateFixture.Processed(lease), links: links), CancellationToken.None);

        links.Select(c => c.Skip).ShouldBe([SkipReason.MaxPages, SkipReason.Duplicate, SkipReason.MaxPages],
            "a URL refused for the limit is not remembered as seen: found again, it is refused for the limit again");
        store.Counts.ShouldBe(new FrontierCounts(Admitted: 3, Queued: 2, Leased: 0, Completed: 1));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Every_store_leases_a_hosts_lowest_rank_first_then_in_admission_order(string kind)
    {
        await using var store = Open(kind);
        await store.AdmitAsync(
            [
                Candidate("http://a.example/list-2") with { Rank = 1 },
                Candidate("http://a.example/book-1"),
                Candidate("http://b.example/list-1") with { Rank = 1 },
                Candidate("http://a.example/list-3") with { Rank = 1 },
                Candidate("http://a.example/book-2"),
            ],
            CancellationToken.None);

        var first = await LeaseAsync(store, "a.example");
        first.Url.AbsolutePath.ShouldBe("/book-1");
        first.Rank.ShouldBe(0);

        // Admitted after the listings, a book still goes before them.
        List<FrontierCandidate> links = [Candidate("http://a.example/list-4") with { Rank = 1 }, Candidate("http://a.example/book-3")];
        await store.CompleteAsync(StateFixture.Page(first, StateFixture.Processed(first), links: links), CancellationToken.None);

        var order = new List<string>();
        while (store.TryLease("a.example", out var lease))
        {
            order.Add(lease.Url.AbsolutePath);
        }

        order.ShouldBe(["/book-2", "/book-3", "/list-2", "/list-3", "/list-4"]);
        (await LeaseAsync(store, "b.example")).Url.AbsolutePath.ShouldBe("/list-1", "each host has its own queue");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task When_max_pages_cuts_a_pages_links_the_lowest_ranks_are_admitted_first(string kind)
    {
        await using var store = Open(kind, maxPages: 3);
        await store.AdmitAsync([Candidate("http://a.example/list-1") with { Rank = 1 }], CancellationToken.None);
        var listing = await LeaseAsync(store, "a.example");
        List<FrontierCandidate> links =
        [
            Candidate("http://a.example/list-2") with { Rank = 1 },
            Candidate("http://a.example/list-3") with { Rank = 1 },
            Candidate("http://a.example/book-1"),
            Candidate("http://a.example/book-1"),
            Candidate("http://a.example/book-2"),
        ];

        await store.CompleteAsync(StateFixture.Page(listing, StateFixture.Processed(listing), links: links), CancellationToken.None);

        links.Select(c => c.Skip).ShouldBe([SkipReason.MaxPages, SkipReason.MaxPages, SkipReason.None, SkipReason.Duplicate, SkipReason.None]);
        (await LeaseAsync(store, "a.example")).Url.AbsolutePath.ShouldBe("/book-1");
        (await LeaseAsync(store, "a.example")).Url.AbsolutePath.ShouldBe("/book-2");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_completion_returns_the_outcome_recorded_and_whether_the_items_were_kept(string kind)
    {
        await using (var store = Open(kind, format: new ShopPlan.FormatFailingFor("Bad")))
        {
            await store.AdmitAsync([Candidate("http://a.example/good"), Candidate("http://a.example/bad")], CancellationToken.None);
            var good = await LeaseAsync(store, "a.example");
            var bad = await LeaseAsync(store, "a.example");
            var goodOutcome = StateFixture.Processed(good);

            var kept = await store.CompleteAsync(StateFixture.Page(good, goodOutcome, [StateFixture.ItemOf(good)]), CancellationToken.None);
            List<FrontierCandidate> links = [Candidate("http://a.example/next")];
            var refused = await store.CompleteAsync(StateFixture.Page(bad, StateFixture.Processed(bad), [new Product("Bad", 1, bad.Url.AbsoluteUri)], links), CancellationToken.None);

            kept.ShouldBe(new CompletionResult(goodOutcome, ItemsKept: true));
            refused.ItemsKept.ShouldBeFalse();
            (refused.Outcome.Kind, refused.Outcome.FailureReason).ShouldBe((OutcomeKind.Failed, FailureReason.Extraction));
            refused.Outcome.Message.ShouldBe("its item could not be written to the output (FormatException: 'Bad' cannot be formatted)");
            links.ShouldHaveSingleItem().Skip.ShouldBe(SkipReason.None, "the failed page's links are still admitted");
            store.QueuedFor("a.example").ShouldBe(1);
        }

        File.ReadAllLines(_state.Output()).ShouldHaveSingleItem().ShouldContain("\"title\":\"Item /good\"", Case.Sensitive, "only the kept item reaches the output");
    }
}
