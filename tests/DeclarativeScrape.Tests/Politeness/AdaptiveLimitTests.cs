namespace DeclarativeScrape.Tests;

public sealed class AdaptiveLimitTests
{
    private static readonly TimeSpan Healthy = TimeSpan.FromMilliseconds(50);

    private sealed class Host(int ceiling, bool enabled = true)
    {
        public AdaptiveLimit Limit { get; } = new(ceiling, enabled);

        public long Sent { get; private set; }

        public long Send() => ++Sent;

        public void Answer(int count, AnswerKind kind, TimeSpan latency, Func<int, int>? url = null)
        {
            for (var i = 0; i < count; i++)
            {
                Limit.OnResponse(Send(), Sent, kind, latency, url?.Invoke(i) ?? i);
            }
        }
    }

    [Fact]
    public void One_page_failing_again_and_again_never_cuts_the_limit()
    {
        var host = new Host(64);

        for (var i = 0; i < 100; i++)
        {
            host.Answer(1, AnswerKind.Fault, TimeSpan.Zero, _ => 42);           // the same hung page, retried
            host.Answer(1, AnswerKind.Unavailable, Healthy, _ => 43);          // the same 503 page
        }

        host.Limit.Current.ShouldBe(64);
    }

    [Fact]
    public void Faults_scattered_among_healthy_answers_never_cut_the_limit()
    {
        var host = new Host(64);

        for (var i = 0; i < 1000; i++)
        {
            host.Answer(1, i % 4 == 0 ? AnswerKind.Fault : AnswerKind.Answered, Healthy, _ => i);   // a quarter of all answers
        }

        host.Limit.Current.ShouldBe(64);
    }

    [Fact]
    public void A_host_failing_across_urls_halves_the_limit_once_per_round_trip_and_never_below_one()
    {
        var host = new Host(64);
        var inFlight = Enumerable.Range(0, 32).Select(_ => host.Send()).ToList();

        for (var i = 0; i < AdaptiveLimit.FailingAnswers; i++)
        {
            host.Limit.OnResponse(inFlight[i], host.Sent, AnswerKind.Fault, TimeSpan.Zero, i);
        }

        host.Limit.Current.ShouldBe(32);
        host.Limit.OnResponse(inFlight[AdaptiveLimit.FailingAnswers], host.Sent, AnswerKind.Fault, TimeSpan.Zero, 99);
        host.Limit.Current.ShouldBe(32, "sent before the cut: the same failure");

        host.Answer(200, AnswerKind.Fault, TimeSpan.Zero);
        host.Limit.Current.ShouldBe(1);
    }

    [Fact]
    public void Healthy_windows_grow_the_limit_back_to_the_ceiling_additively()
    {
        var host = new Host(8);
        host.Answer(AdaptiveLimit.FailingAnswers, AnswerKind.Fault, TimeSpan.Zero);
        host.Limit.Current.ShouldBe(4);

        host.Answer(AdaptiveLimit.MinimumWindow, AnswerKind.Answered, Healthy);
        host.Limit.Current.ShouldBe(5);

        host.Answer(AdaptiveLimit.MinimumWindow * 10, AnswerKind.Answered, Healthy);
        host.Limit.Current.ShouldBe(8);
    }

    [Fact]
    public void Rate_signals_are_not_faults()
    {
        var host = new Host(8);

        host.Answer(100, AnswerKind.None, TimeSpan.Zero);

        host.Limit.Current.ShouldBe(8);
    }

    [Fact]
    public void A_steady_latency_under_load_never_cuts_but_a_sustained_rise_far_above_the_baseline_does()
    {
        var host = new Host(256);
        host.Answer(5000, AnswerKind.Answered, TimeSpan.FromMilliseconds(55));
        host.Answer(5000, AnswerKind.Answered, TimeSpan.FromMilliseconds(140)); // busy but healthy: below 4x baseline + 250 ms
        host.Limit.Current.ShouldBe(256);

        host.Answer(256 * AdaptiveLimit.SlowWindowsToCut, AnswerKind.Answered, TimeSpan.FromSeconds(2));
        host.Limit.Current.ShouldBeLessThan(256);
    }

    [Fact]
    public void Disabled_it_stays_at_the_ceiling()
    {
        var host = new Host(8, enabled: false);
        host.Answer(50, AnswerKind.Fault, TimeSpan.Zero);
        host.Limit.Current.ShouldBe(8);
    }
}
