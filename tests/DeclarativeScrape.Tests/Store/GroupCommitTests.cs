namespace DeclarativeScrape.Tests;

/// <summary>The group commit's window runs on the store's clock: a fake clock holds a group open until it is advanced.</summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static CompleteWork<Product> Completion()
    {
        var lease = new FrontierLease(1, new Uri("http://a.example/"), "a.example", 0, 0);
        return new(StateFixture.Page(lease, StateFixture.Processed(lease)));
    }

    /// <summary>Takes the next group on a thread of its own, as the store's thread does.</summary>
    private static Task<List<StoreWork>> TakeAsync(GroupCommit queue) => Task.Factory.StartNew(
        () =>
        {
            var batch = new List<StoreWork>();
            queue.Take(batch).ShouldBeTrue();
            return batch;
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    [Fact]
    public async Task A_group_waits_for_completions_still_coming_until_its_window_elapses_on_the_stores_clock()
    {
        var time = new ManualTimeProvider();
        using var queue = new GroupCommit(time, queued => 3 - queued);   // three URLs in flight
        var first = Completion();
        queue.TryAdd(first).ShouldBeTrue();
        var taken = TakeAsync(queue);
        var second = Completion();
        queue.TryAdd(second).ShouldBeTrue();

        await Task.WhenAny(taken, Task.Delay(200));
        taken.IsCompleted.ShouldBeFalse("the group is held open: one more completion is coming");

        time.Advance(GroupCommit.Window);

        (await taken.WaitAsync(Bound)).ShouldBe([first, second]);
    }

    [Fact]
    public async Task A_group_is_taken_at_once_when_every_url_in_flight_has_reported()
    {
        using var queue = new GroupCommit(new ManualTimeProvider(), queued => 2 - queued);
        var taken = TakeAsync(queue);
        queue.TryAdd(Completion());
        queue.TryAdd(Completion());

        (await taken.WaitAsync(Bound)).Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_caller_that_waits_gets_its_group_committed_at_once()
    {
        using var queue = new GroupCommit(new ManualTimeProvider(), queued => 10 - queued);
        queue.TryAdd(Completion());
        var taken = TakeAsync(queue);

        queue.CommitNow();

        (await taken.WaitAsync(Bound)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_admission_is_committed_at_once_with_the_completions_queued_before_it()
    {
        using var queue = new GroupCommit(new ManualTimeProvider(), queued => 10 - queued);
        var completion = Completion();
        var admission = new AdmitWork([]);
        queue.TryAdd(completion);
        queue.TryAdd(admission);

        (await TakeAsync(queue).WaitAsync(Bound)).ShouldBe([completion, admission]);
    }
}
