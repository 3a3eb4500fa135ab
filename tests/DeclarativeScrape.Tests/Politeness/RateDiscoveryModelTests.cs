using Xunit.Abstractions;

namespace DeclarativeScrape.Tests;

/// <summary>
/// Rate discovery against simulated limiters (<see cref="RateSimulation"/>: the real host gate on a manual clock, no
/// wall clock), for the kinds of limiter the issue names: token bucket and fixed window, 429 and 503, limits of 5, 50
/// and 500 requests a second, Retry-After 1, 30 or none, a limit that rises or drops mid-crawl, a configured rate.
/// Deterministic, so the targets are asserted exactly: ≥ 90 % of the allowed rate after the first 10 seconds and
/// ≤ 1 % of requests refused when the limit is unknown; ≥ 97 % and ≤ 0.1 % when it is given.
/// </summary>
public sealed class RateDiscoveryModelTests(ITestOutputHelper output)
{
    public static TheoryData<double, int, LimitMode, int, int?> Limits => new()
    {
        { 5, 1, LimitMode.Bucket, 429, 1 },
        { 50, 1, LimitMode.Bucket, 429, 30 },
        { 50, 20, LimitMode.Bucket, 503, 1 },
        { 500, 20, LimitMode.Bucket, 429, 1 },
        { 500, 50, LimitMode.Bucket, 503, 30 },
        { 500, 1, LimitMode.Window, 429, 1 },
    };

    /// <summary>Limits whose first seconds cost more than 1 % refused over a crawl of a few minutes (see docs/crawling.md).</summary>
    public static TheoryData<double, int, LimitMode, int, int?, double> HardLimits => new()
    {
        { 5, 20, LimitMode.Bucket, 429, 1, 0.035 },    // a burst of four seconds' worth is spent before the rate shows
        { 5, 5, LimitMode.Window, 503, null, 0.02 },
        { 50, 20, LimitMode.Window, 429, null, 0.02 },   // a fixed window refuses only at the end of each period
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void An_unknown_limit_is_found_and_kept_to(double rate, int burst, LimitMode mode, int status, int? retryAfter)
    {
        var result = Run(new SimulatedLimit(rate, burst, mode, status, Seconds(retryAfter)), TimeSpan.FromSeconds(rate < 10 ? 300 : 90));

        result.AcceptedPerSecondAfterWarmUp.ShouldBeGreaterThanOrEqualTo(0.9 * rate, result.ToString());
        result.LimitedShare.ShouldBeLessThanOrEqualTo(0.01, result.ToString());
    }

    [Theory]
    [MemberData(nameof(HardLimits))]
    public void A_limit_with_a_costly_start_is_still_found(double rate, int burst, LimitMode mode, int status, int? retryAfter, double limitedAtMost)
    {
        var result = Run(new SimulatedLimit(rate, burst, mode, status, Seconds(retryAfter)), TimeSpan.FromSeconds(rate < 10 ? 300 : 90));

        result.AcceptedPerSecondAfterWarmUp.ShouldBeGreaterThanOrEqualTo(0.9 * rate, result.ToString());
        result.LimitedShare.ShouldBeLessThanOrEqualTo(limitedAtMost, result.ToString());
    }

    [Theory]
    [InlineData(5, 1, LimitMode.Bucket)]
    [InlineData(50, 1, LimitMode.Bucket)]
    [InlineData(50, 20, LimitMode.Window)]
    [InlineData(500, 20, LimitMode.Bucket)]
    public void A_given_limit_is_kept_to_from_the_first_request(double rate, int burst, LimitMode mode)
    {
        var result = Run(new SimulatedLimit(rate, burst, mode), TimeSpan.FromSeconds(60), configuredRate: rate, warmUp: TimeSpan.FromSeconds(1));

        result.AcceptedPerSecondAfterWarmUp.ShouldBeGreaterThanOrEqualTo(0.97 * rate, result.ToString());
        result.LimitedShare.ShouldBeLessThanOrEqualTo(0.001, result.ToString());
    }

    /// <summary>
    /// A token bucket one deep refuses any two arrivals closer than its interval, so a few milliseconds of jitter on
    /// the way refuse requests paced under its rate. Those refusals must not compound into a collapse (measured before
    /// the delivery floor: 40 → 10 a second): each cuts at most once per round and never below what the host accepted
    /// in the last second. What is physically possible is below the rate (a margin for the jitter), so the bound here
    /// is the one the burst-1 server test asserts: ≥ 75 % of the rate, and refusals bounded.
    /// </summary>
    [Theory]
    [InlineData(40, 5)]
    [InlineData(20, 5)]
    [InlineData(40, 2)]
    public void Jitter_refusals_at_a_burst_of_one_do_not_collapse_the_rate(double rate, int jitterMs)
    {
        var result = Run(new SimulatedLimit(rate, 1) { Jitter = TimeSpan.FromMilliseconds(jitterMs) }, TimeSpan.FromSeconds(120));

        result.AcceptedPerSecondAfterWarmUp.ShouldBeGreaterThanOrEqualTo(0.75 * rate, result.ToString());
        result.AcceptedBySecond.Skip(60).Average().ShouldBeGreaterThanOrEqualTo(0.75 * rate, "still there after two minutes: " + result);
        result.LimitedShare.ShouldBeLessThanOrEqualTo(0.03, result.ToString());
    }

    [Fact]
    public void A_limit_lowered_mid_crawl_is_respected_within_seconds()
    {
        var limit = new SimulatedLimit(50, 20) { Change = (TimeSpan.FromSeconds(40), 20) };

        var result = Run(limit, TimeSpan.FromSeconds(90));

        var refusedAfter = result.SentBySecond.Skip(45).Zip(result.AcceptedBySecond.Skip(45), (s, a) => s - a).Sum();
        refusedAfter.ShouldBeLessThanOrEqualTo(10, "five seconds after the drop the host is kept to: " + result);
        result.AcceptedBySecond.Skip(45).Average().ShouldBeGreaterThanOrEqualTo(0.9 * 20, result.ToString());
        var paced = result.RateBySecond.Skip(45).Average();
        paced.ShouldBeLessThanOrEqualTo(20 * 1.05, "the host is paced at the new limit (its probes above it included): " + result);
    }

    [Fact]
    public void A_limit_raised_mid_crawl_is_found_by_the_probes()
    {
        var limit = new SimulatedLimit(50, 20) { Change = (TimeSpan.FromSeconds(30), 100) };

        var result = Run(limit, TimeSpan.FromSeconds(180));

        result.AcceptedBySecond.Skip(120).Average().ShouldBeGreaterThanOrEqualTo(0.9 * 100, result.ToString());
    }

    [Fact]
    public void A_host_that_never_refuses_keeps_no_rate()
    {
        var result = Run(new SimulatedLimit(100_000, 100_000), TimeSpan.FromSeconds(20));

        result.Limited.ShouldBe(0);
        result.LearnedRate.ShouldBeNull();
        result.AcceptedPerSecondAfterWarmUp.ShouldBeGreaterThan(1000, "64 in flight at 50 ms: about 1,280 a second, held back by nothing");
    }

    private static TimeSpan? Seconds(int? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private SimulationResult Run(SimulatedLimit limit, TimeSpan duration, double? configuredRate = null, TimeSpan? warmUp = null)
    {
        var trace = new List<string>();
        var result = RateSimulation.Run(limit, duration, configuredRate: configuredRate, configuredBurst: 1, warmUp: warmUp, trace: trace.Add);
        output.WriteLine(result.ToString());
        foreach (var line in trace.Take(400))
        {
            output.WriteLine("  " + line);
        }

        return result;
    }
}
