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
