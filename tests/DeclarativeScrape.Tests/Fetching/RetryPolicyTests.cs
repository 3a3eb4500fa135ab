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
    public void A_rate_limited_answer_is_retried_after_its_own_retry_after_within_its_own_bound_not_the_attempts()
    {
        // The host gate read the 429 as a rate signal: the URL waits its Retry-After (the host is not paused) and the
        // retry uses none of the attempts, up to Retry.MaxRateLimitedAttempts (2 here).
        var result = Failure(FailureReason.HttpStatus, 429, TimeSpan.FromSeconds(2));
        result.RateLimited = true;

        RetryPolicy.Decide(result, attempts: 3, rateLimited: 1, Settings());
        result.Retry.ShouldBeTrue("rate-limited answers do not use the attempts");
        result.RetryDelay.ShouldBe(TimeSpan.FromSeconds(2), "the URL waits for its own Retry-After");

        RetryPolicy.Decide(result, attempts: 1, rateLimited: 2, Settings());
        result.Retry.ShouldBeFalse("Retry.MaxRateLimitedAttempts reached");

        RetryPolicy.Decide(result, attempts: 1, rateLimited: 1, Settings(o => o.Retry.StatusCodes.Remove(429)));
        result.Retry.ShouldBeFalse("429 removed from the retried status codes");
    }

    [Fact]
    public void A_rate_limited_answer_without_retry_after_backs_off_doubling_and_clamped()
    {
        var result = Failure(FailureReason.HttpStatus, 503);
        result.RateLimited = true;
        var settings = Settings(o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            o.Retry.MaxRateLimitedAttempts = 10;
        });

        RetryPolicy.Decide(result, attempts: 1, rateLimited: 1, settings);
        result.RetryDelay.ShouldBe(TimeSpan.FromSeconds(1));
        RetryPolicy.Decide(result, attempts: 1, rateLimited: 3, settings);
        result.RetryDelay.ShouldBe(TimeSpan.FromSeconds(4));
        RetryPolicy.Decide(result, attempts: 1, rateLimited: 9, settings);
        result.RetryDelay.ShouldBe(TimeSpan.FromSeconds(5), "clamped to Retry.MaxDelay");
    }

    [Fact]
    public void A_503_the_gate_did_not_read_as_a_rate_limit_is_a_fault_of_its_page_within_the_attempts()
    {
        var result = Failure(FailureReason.HttpStatus, 503, TimeSpan.FromSeconds(1));

        RetryPolicy.Decide(result, attempts: 2, rateLimited: 0, Settings());
        result.Retry.ShouldBeTrue();
        result.RetryDelay.ShouldBe(TimeSpan.FromSeconds(1));

        RetryPolicy.Decide(result, attempts: 3, rateLimited: 0, Settings());
        result.Retry.ShouldBeFalse("a page's fault uses its attempts (Retry.MaxAttempts is 3)");
    }
}
