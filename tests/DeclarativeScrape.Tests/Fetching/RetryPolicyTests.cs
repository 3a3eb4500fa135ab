namespace DeclarativeScrape.Tests;

public sealed class RetryPolicyTests
{
    private static RunSettings Settings(Action<ScrapeOptions>? configure = null)
    {
        var options = new ScrapeOptions { StartUrls = { new Uri("http://shop.example/") } };
        options.Retry.MaxAttempts = 3;
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.MaxRateLimitedAttempts = 2;
        configure?.Invoke(options);
        return new RunSettings("Test", options);
    }

    private static FetchResult Failure(FailureReason reason, int? status = null, TimeSpan? retryAfter = null) => new()
    {
        Status = FetchStatus.Failed,
        Failure = reason,
        StatusCode = status,
        RetryAfter = retryAfter,
        FinalUrl = new Uri("http://shop.example/"),
    };

    [Theory]
    [InlineData(FailureReason.Network, null, true)]
    [InlineData(FailureReason.Timeout, null, true)]
    [InlineData(FailureReason.IdleTimeout, null, true)]
    [InlineData(FailureReason.HttpStatus, 503, true)]
    [InlineData(FailureReason.HttpStatus, 404, false)]
    [InlineData(FailureReason.TooLarge, null, false)]
    [InlineData(FailureReason.TooManyRedirects, null, false)]
    public void Transient_failures_are_retried_within_the_attempts(FailureReason reason, int? status, bool retried)
    {
        var result = Failure(reason, status);

        RetryPolicy.Decide(result, attempts: 1, rateLimited: 0, Settings());
        result.Retry.ShouldBe(retried);
        result.RetryDelay.ShouldBeNull("the exponential backoff applies");

        RetryPolicy.Decide(result, attempts: 3, rateLimited: 0, Settings());
        result.Retry.ShouldBeFalse("the attempts are used up");
    }

    [Fact]
    public void Retry_after_replaces_the_backoff_and_is_clamped_to_the_max_delay()
    {
        var result = Failure(FailureReason.HttpStatus, 503, TimeSpan.FromHours(1));

        RetryPolicy.Decide(result, attempts: 1, rateLimited: 0, Settings());

        result.RetryDelay.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_429_is_retried_after_the_hosts_pause_within_its_own_bound_not_the_attempts()
    {
        var result = Failure(FailureReason.HttpStatus, 429, TimeSpan.FromSeconds(2));

        RetryPolicy.Decide(result, attempts: 3, rateLimited: 1, Settings());
        result.Retry.ShouldBeTrue("429 answers do not use the attempts");
        result.RetryDelay.ShouldBe(TimeSpan.Zero, "the host's pause does the waiting");

        RetryPolicy.Decide(result, attempts: 1, rateLimited: 2, Settings());
        result.Retry.ShouldBeFalse("Retry.MaxRateLimitedAttempts reached");

        RetryPolicy.Decide(result, attempts: 1, rateLimited: 1, Settings(o => o.Retry.StatusCodes.Remove(429)));
        result.Retry.ShouldBeFalse("429 removed from the retried status codes");
    }
}
