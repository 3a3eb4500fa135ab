namespace DeclarativeScrape.Tests;

public sealed class AdaptiveLimitTests
{
    private static readonly TimeSpan Healthy = TimeSpan.FromMilliseconds(50);

    private static void Answer(AdaptiveLimit limit, int count, TimeSpan latency, bool congestion = false)
    {
        for (var i = 0; i < count; i++)
        {
            limit.OnResponse(limit.OnStart(), congestion, latency);
        }
    }

    [Fact]
    public void A_429_or_503_halves_the_limit_once_per_round_trip_and_never_below_one()
    {
        var limit = new AdaptiveLimit(16, enabled: true);
        var inFlight = Enumerable.Range(0, 8).Select(_ => limit.OnStart()).ToList();

        limit.OnResponse(inFlight[0], congestion: true, Healthy);
        limit.Current.ShouldBe(8);
        limit.OnResponse(inFlight[1], congestion: true, Healthy);   // sent before the cut: same congestion event
        limit.Current.ShouldBe(8);

        for (var i = 0; i < 10; i++)
        {
            limit.OnResponse(limit.OnStart(), congestion: true, Healthy);
        }

        limit.Current.ShouldBe(1);
    }

    [Fact]
    public void Healthy_windows_grow_the_limit_back_to_the_ceiling_additively()
    {
        var limit = new AdaptiveLimit(8, enabled: true);
        Answer(limit, 1, Healthy, congestion: true);
        limit.Current.ShouldBe(4);

        Answer(limit, AdaptiveLimit.MinimumWindow, Healthy);
        limit.Current.ShouldBe(5);

        Answer(limit, AdaptiveLimit.MinimumWindow * 10, Healthy);
        limit.Current.ShouldBe(8);
    }

    [Fact]
    public void A_steady_latency_under_load_never_cuts_but_a_sustained_rise_far_above_the_baseline_does()
    {
        var limit = new AdaptiveLimit(256, enabled: true);
        Answer(limit, 5000, TimeSpan.FromMilliseconds(55));
        Answer(limit, 5000, TimeSpan.FromMilliseconds(140)); // busy but healthy: below 4x baseline + 250 ms
        limit.Current.ShouldBe(256);

        Answer(limit, 256 * AdaptiveLimit.SlowWindowsToCut, TimeSpan.FromSeconds(2));
        limit.Current.ShouldBeLessThan(256);
    }

    [Fact]
    public void Disabled_it_stays_at_the_ceiling()
    {
        var limit = new AdaptiveLimit(8, enabled: false);
        Answer(limit, 5, Healthy, congestion: true);
        limit.Current.ShouldBe(8);
    }
}
