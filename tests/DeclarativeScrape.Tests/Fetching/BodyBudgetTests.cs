namespace DeclarativeScrape.Tests;

public sealed class BodyBudgetTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public void A_reservation_is_taken_from_the_run_and_from_the_engine()
    {
        var engine = BodyBudget.ForEngine();
        var run = BodyBudget.ForRun(100, engine);

        run.TryReserve(60).ShouldBeTrue();
        run.TryReserve(60).ShouldBeFalse("the run holds 60 of 100");
        run.Used.ShouldBe(60);
        engine.Used.ShouldBe(60);

        run.Release(60);
        run.Used.ShouldBe(0);
        engine.Used.ShouldBe(0);
    }

    [Fact]
    public void Runs_share_one_engine_budget_as_large_as_the_largest_of_theirs()
    {
        var engine = BodyBudget.ForEngine();
        var small = BodyBudget.ForRun(40, engine);
        var large = BodyBudget.ForRun(100, engine);
        engine.Capacity.ShouldBe(100);

        small.TryReserve(40).ShouldBeTrue();
        large.TryReserve(70).ShouldBeFalse("40 + 70 is above the engine's 100, though within the large run's own");
        large.TryReserve(60).ShouldBeTrue();

        large.Release(60);
        large.Leave();
        engine.Capacity.ShouldBe(40);
        small.Leave();
        engine.Capacity.ShouldBe(0);
    }

    [Fact]
    public async Task A_body_that_cannot_get_budget_waits_for_a_release()
    {
        var time = new ManualTimeProvider();
        var run = BodyBudget.ForRun(100, BodyBudget.ForEngine());
        run.TryReserve(90, first: true).ShouldBeTrue();

        var waiting = run.ReserveAsync(20, holding: 0, Wait, time, CancellationToken.None).AsTask();
        waiting.IsCompleted.ShouldBeFalse();

        run.Release(90, last: true);
        await waiting.WaitAsync(Crawls.Bound);
        run.Used.ShouldBe(20);
        run.Holders.ShouldBe(1);
    }

    [Fact]
    public async Task A_wait_for_budget_is_bounded_and_ends_as_too_large()
    {
        var time = new ManualTimeProvider();
        var run = BodyBudget.ForRun(100, BodyBudget.ForEngine());
        run.TryReserve(95, first: true).ShouldBeTrue();

        var waiting = run.ReserveAsync(10, holding: 0, Wait, time, CancellationToken.None).AsTask();
        time.Advance(Wait);

        var error = await Should.ThrowAsync<BodyTooLargeException>(waiting.WaitAsync(Crawls.Bound));
        error.Message.ShouldContain("Limits.BodyBudgetBytes");
        error.Message.ShouldContain("stayed full");
        run.Used.ShouldBe(95, "nothing was taken");
    }

    [Fact]
    public async Task When_the_budget_is_full_a_body_holding_more_than_its_share_fails_at_once_instead_of_waiting()
    {
        var run = BodyBudget.ForRun(100, BodyBudget.ForEngine());
        run.TryReserve(50, first: true).ShouldBeTrue();   // another body
        run.TryReserve(45, first: true).ShouldBeTrue();   // this one

        var error = await Should.ThrowAsync<BodyTooLargeException>(run.ReserveAsync(10, holding: 45, Wait, new ManualTimeProvider(), CancellationToken.None).AsTask());

        error.Message.ShouldContain("holds 45 bytes of it, more than its share of 50 among 2 bodies");
        run.Used.ShouldBe(95);
    }
}
