namespace DeclarativeScrape.Tests;

public sealed class HostGateTests
{
    private sealed class Sleeper : IWakeable
    {
        public int Wakes;

        public void Wake() => Interlocked.Increment(ref Wakes);
    }

    [Fact]
    public void Runs_sharing_a_host_share_its_slots_and_the_smallest_per_host_limit_wins()
    {
        var time = new ManualTimeProvider();
        var registry = new HostRegistry(100, time);
        var gate = registry.Get("shop.example");
        var a = new Sleeper();
        var b = new Sleeper();
        gate.Attach(new HostUser(a, perHost: 4, adaptive: true, requestsPerSecond: null, burst: 1));
        gate.Attach(new HostUser(b, perHost: 2, adaptive: true, requestsPerSecond: null, burst: 1));

        gate.TryEnter(out var first, out _).ShouldBe(GateDecision.Entered);
        gate.TryEnter(out _, out _).ShouldBe(GateDecision.Entered);
        gate.TryEnter(out _, out _).ShouldBe(GateDecision.Full);

        gate.Exit(first, congestion: false, TimeSpan.FromMilliseconds(10));
        a.Wakes.ShouldBe(1);
        b.Wakes.ShouldBe(1);
        gate.TryEnter(out _, out _).ShouldBe(GateDecision.Entered);
    }

    [Fact]
    public void A_pause_refuses_until_it_is_over_and_says_how_long()
    {
        var time = new ManualTimeProvider();
        var gate = new HostRegistry(100, time).Get("shop.example");
        gate.Attach(new HostUser(new Sleeper(), perHost: 4, adaptive: true, requestsPerSecond: null, burst: 1));

        gate.Pause(TimeSpan.FromSeconds(10));
        gate.TryEnter(out _, out var wait).ShouldBe(GateDecision.Paused);
        wait.ShouldBe(TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromSeconds(10));
        gate.TryEnter(out _, out _).ShouldBe(GateDecision.Entered);
    }

    [Fact]
    public void The_engine_wide_cap_holds_across_hosts()
    {
        var time = new ManualTimeProvider();
        var registry = new HostRegistry(1, time);
        var one = registry.Get("one.example");
        var two = registry.Get("two.example");
        var sleeper = new Sleeper();
        registry.AddRun(sleeper);
        one.Attach(new HostUser(sleeper, 4, true, null, 1));
        two.Attach(new HostUser(sleeper, 4, true, null, 1));

        one.TryEnter(out var sequence, out _).ShouldBe(GateDecision.Entered);
        two.TryEnter(out _, out _).ShouldBe(GateDecision.EngineFull);
        one.Exit(sequence, congestion: false, TimeSpan.Zero);
        two.TryEnter(out _, out _).ShouldBe(GateDecision.Entered);
    }

    [Fact]
    public void A_503_cuts_the_shared_limit()
    {
        var gate = new HostRegistry(100, new ManualTimeProvider()).Get("shop.example");
        gate.Attach(new HostUser(new Sleeper(), perHost: 8, adaptive: true, requestsPerSecond: null, burst: 1));

        gate.TryEnter(out var sequence, out _).ShouldBe(GateDecision.Entered);
        gate.Exit(sequence, congestion: true, TimeSpan.FromMilliseconds(5));

        gate.Limit.ShouldBe(4);
    }

    [Fact]
    public void A_crawl_delay_is_stricter_than_the_rate_and_allows_no_burst()
    {
        var time = new ManualTimeProvider();
        var gate = new HostRegistry(100, time).Get("shop.example");
        var user = new HostUser(new Sleeper(), perHost: 8, adaptive: false, requestsPerSecond: 10, burst: 3);
        gate.Attach(user);

        // The rate alone: a burst of three, then one token every 100 ms.
        for (var i = 0; i < 3; i++)
        {
            gate.TryEnter(out var sequence, out _).ShouldBe(GateDecision.Entered);
            gate.Exit(sequence, congestion: false, TimeSpan.FromMilliseconds(1));
        }

        gate.TryEnter(out _, out var wait).ShouldBe(GateDecision.NoToken);
        wait.ShouldBe(TimeSpan.FromMilliseconds(100));

        // robots.txt says Crawl-delay: 2 — one request, then one every 2 s, however many tokens the rate would give.
        user.CrawlDelay = TimeSpan.FromSeconds(2);
        gate.Refresh();
        gate.TryEnter(out var first, out _).ShouldBe(GateDecision.Entered);
        gate.Exit(first, congestion: false, TimeSpan.FromMilliseconds(1));
        gate.TryEnter(out _, out wait).ShouldBe(GateDecision.NoToken);
        wait.ShouldBe(TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(1.9));
        gate.TryEnter(out _, out _).ShouldBe(GateDecision.NoToken);
        time.Advance(TimeSpan.FromSeconds(0.1));
        gate.TryEnter(out var second, out _).ShouldBe(GateDecision.Entered);
        gate.Exit(second, congestion: false, TimeSpan.FromMilliseconds(1));
        gate.TryEnter(out _, out _).ShouldBe(GateDecision.NoToken, "no burst under a Crawl-delay");
    }
}
