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

        gate.Exit(first, AnswerKind.Answered, 200, TimeSpan.FromMilliseconds(10), 1, TimeSpan.Zero);
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
        one.Exit(sequence, AnswerKind.None, null, TimeSpan.Zero, 0, TimeSpan.Zero);
        two.TryEnter(out _, out _).ShouldBe(GateDecision.Entered);
    }

    [Fact]
    public void Refusals_cut_the_shared_rate_under_what_the_host_accepted_but_not_its_concurrency()
    {
        var time = new ManualTimeProvider();
        var gate = new HostRegistry(100, time).Get("shop.example");
        gate.Attach(new HostUser(new Sleeper(), perHost: 64, adaptive: true, requestsPerSecond: 20, burst: 20));

        // A second at the configured 20 a second, all accepted; then the server accepts only every other request.
        var first = gate.TryEnter(out var sequence, out _);
        first.ShouldBe(GateDecision.Entered);
        gate.Exit(sequence, AnswerKind.Answered, 200, TimeSpan.FromMilliseconds(5), 0, TimeSpan.Zero);
        RateVerdict? firstRefusal = null;
        for (var i = 1; i < 80 && gate.Rate == 20; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            gate.TryEnter(out sequence, out _).ShouldBe(GateDecision.Entered, "paced at the configured rate");
            var refused = i > 20 && i % 2 == 0;
            var verdict = gate.Exit(sequence, refused ? AnswerKind.TooManyRequests : AnswerKind.Answered, refused ? 429 : 200, TimeSpan.FromMilliseconds(5), i, TimeSpan.FromSeconds(1));
            firstRefusal ??= refused ? verdict : null;
        }

        firstRefusal.ShouldNotBeNull().RateLimited.ShouldBeTrue("a 429 is a rate signal");
        gate.Rate.ShouldNotBeNull().ShouldBeLessThan(20, "half refused cuts the rate");
        gate.Rate.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(10, "by the share refused, not to nothing");
        gate.Learned.ShouldNotBeNull().Host.ShouldBe("shop.example");
        gate.RateLimitedAnswers.ShouldBeGreaterThan(0);
        gate.Limit.ShouldBe(64, "refusals are the rate's business, not the concurrency's");
        gate.Pace.ShouldBe(new HostPace(TimeSpan.FromMilliseconds(50), 20), "the pace workers share stays the configured one: each worker learns its own share");
        gate.TryEnter(out _, out _).ShouldBe(GateDecision.NoToken, "after a cut no token is saved up");
        gate.TryEnter(out _, out var paused).ShouldNotBe(GateDecision.Paused, "the host accepted half: it is not paused");
    }

    [Fact]
    public void Faults_across_urls_cut_the_shared_limit_but_not_the_rate()
    {
        var time = new ManualTimeProvider();
        var gate = new HostRegistry(100, time).Get("shop.example");
        gate.Attach(new HostUser(new Sleeper(), perHost: 8, adaptive: true, requestsPerSecond: null, burst: 1));

        // Out of the rate's slow start first (the window reaches the per-host 8 after 6 accepted answers; the startup
        // pace lets one request through every 50 ms at first).
        for (var i = 0; i < 8; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            gate.TryEnter(out var ok, out _).ShouldBe(GateDecision.Entered);
            gate.Exit(ok, AnswerKind.Answered, 200, TimeSpan.FromMilliseconds(5), 100 + i, TimeSpan.Zero);
        }

        gate.Limit.ShouldBe(8);
        for (var i = 0; i < AdaptiveLimit.FailingAnswers; i++)
        {
            gate.TryEnter(out var sequence, out _).ShouldBe(GateDecision.Entered);
            gate.Exit(sequence, AnswerKind.Fault, 502, TimeSpan.FromMilliseconds(5), i, TimeSpan.Zero);
        }

        gate.Limit.ShouldBe(4, "twelve of the last sixteen answers failed, on many URLs: the host is failing, halved once");
        gate.Rate.ShouldBeNull("faults say nothing about the host's rate");
        gate.Pace.ShouldBeNull("no run limits the host's rate: the workers of a shared crawl share no pace for it");
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
            gate.Exit(sequence, AnswerKind.Answered, 200, TimeSpan.FromMilliseconds(1), 1, TimeSpan.Zero);
        }

        gate.TryEnter(out _, out var wait).ShouldBe(GateDecision.NoToken);
        wait.ShouldBe(TimeSpan.FromMilliseconds(100));

        // robots.txt says Crawl-delay: 2. The three requests just sent left no token, and a new setting makes none:
        // the next request waits the whole delay, then one every 2 s, however many tokens the rate would give.
        user.CrawlDelay = TimeSpan.FromSeconds(2);
        gate.Refresh();
        gate.TryEnter(out _, out wait).ShouldBe(GateDecision.NoToken, "a reconfiguration saves up no tokens");
        wait.ShouldBe(TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(1.9));
        gate.TryEnter(out _, out _).ShouldBe(GateDecision.NoToken);
        time.Advance(TimeSpan.FromSeconds(0.1));
        gate.TryEnter(out var first, out _).ShouldBe(GateDecision.Entered);
        gate.Exit(first, AnswerKind.Answered, 200, TimeSpan.FromMilliseconds(1), 1, TimeSpan.Zero);
        gate.TryEnter(out _, out wait).ShouldBe(GateDecision.NoToken, "no burst under a Crawl-delay");
        wait.ShouldBe(TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(2));
        gate.TryEnter(out var second, out _).ShouldBe(GateDecision.Entered);
        gate.Exit(second, AnswerKind.Answered, 200, TimeSpan.FromMilliseconds(1), 1, TimeSpan.Zero);
        gate.TryEnter(out _, out _).ShouldBe(GateDecision.NoToken, "no burst under a Crawl-delay");
    }
}
