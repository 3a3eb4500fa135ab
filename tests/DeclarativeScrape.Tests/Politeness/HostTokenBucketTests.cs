using System.Threading.RateLimiting;

namespace DeclarativeScrape.Tests;

public sealed class HostTokenBucketTests
{
    [Fact]
    public void Tokens_are_replenished_from_the_injected_clock_and_a_refusal_says_when_to_come_back()
    {
        var time = new ManualTimeProvider();
        using var bucket = new HostTokenBucket(time, TimeSpan.FromSeconds(1), burst: 2);

        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
        using (var refused = bucket.AttemptAcquire())
        {
            refused.IsAcquired.ShouldBeFalse();
            refused.TryGetMetadata(MetadataName.RetryAfter, out var after).ShouldBeTrue();
            after.ShouldBe(TimeSpan.FromSeconds(1));
        }

        time.Advance(TimeSpan.FromMilliseconds(500));
        bucket.AttemptAcquire().IsAcquired.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(500));
        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();

        time.Advance(TimeSpan.FromSeconds(60));
        bucket.GetStatistics()!.CurrentAvailablePermits.ShouldBe(2, "the burst caps what is saved up");
    }

    [Fact]
    public void A_caller_late_for_its_token_keeps_the_schedule_but_an_idle_host_saves_no_more_than_the_burst()
    {
        var time = new ManualTimeProvider();
        using var bucket = new HostTokenBucket(time, TimeSpan.FromMilliseconds(25), burst: 1);
        var start = time.GetTimestamp();
        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();

        // Paced: refused, told to come back in 25 ms, back 5 ms late each time. Forty requests take one second, not 1.2.
        var granted = 1;
        for (var i = 0; i < 39; i++)
        {
            using var refused = bucket.AttemptAcquire();
            refused.IsAcquired.ShouldBeFalse();
            refused.TryGetMetadata(MetadataName.RetryAfter, out var after).ShouldBeTrue();
            time.Advance(after + TimeSpan.FromMilliseconds(5));
            granted += bucket.AttemptAcquire().IsAcquired ? 1 : 0;
        }

        granted.ShouldBe(40);
        time.GetElapsedTime(start).ShouldBeLessThan(TimeSpan.FromMilliseconds(1000), "the 5 ms each grant came late are not lost");

        // After an idle minute: one at once (the burst), then the next only a whole period later.
        time.Advance(TimeSpan.FromMinutes(1));
        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
        bucket.AttemptAcquire().IsAcquired.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(24));
        bucket.AttemptAcquire().IsAcquired.ShouldBeFalse("an idle host saves up its burst of one, and nothing for lateness");
        time.Advance(TimeSpan.FromMilliseconds(1));
        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
    }
}
