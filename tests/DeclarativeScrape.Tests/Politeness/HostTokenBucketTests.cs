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
}
