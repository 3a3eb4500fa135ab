using DeclarativeScrape;

namespace DeclarativeScrape.Tests;

public sealed class ScrapeOptionsTests
{
    private static ScrapeOptions Valid() => new() { StartUrls = { new Uri("http://127.0.0.1:5080/") } };

    [Fact]
    public void Defaults_with_a_start_url_are_valid() => Should.NotThrow(() => Valid().Validate());

    public static TheoryData<string, Action<ScrapeOptions>> BadOptions => new()
    {
        { "StartUrls", o => o.StartUrls.Clear() },
        { "StartUrls[0]", o => o.StartUrls[0] = new Uri("ftp://127.0.0.1/") },
        { "Concurrency.Max", o => o.Concurrency.Max = 0 },
        { "Concurrency.PerHost", o => o.Concurrency.PerHost = o.Concurrency.Max + 1 },
        { "RateLimit.RequestsPerSecond", o => o.RateLimit.RequestsPerSecond = 0 },
        { "RateLimit.Burst", o => o.RateLimit.Burst = 0 },
        { "Retry.MaxAttempts", o => o.Retry.MaxAttempts = 0 },
        { "Retry.BaseDelay", o => o.Retry.BaseDelay = TimeSpan.Zero },
        { "Retry.StatusCodes", o => o.Retry.StatusCodes.Add(999) },
        { "Timeouts.ReadIdle", o => o.Timeouts.ReadIdle = TimeSpan.FromSeconds(-1) },
        { "Limits.MaxPages", o => o.Limits.MaxPages = -1 },
        { "Limits.MaxResponseBytes", o => o.Limits.MaxResponseBytes = 0 },
        { "Limits.MaxDecompressedBytes", o => o.Limits.MaxDecompressedBytes = -1 },
        { "Limits.BodyBudgetBytes", o => o.Limits.MaxDecompressedBytes = o.Limits.BodyBudgetBytes + 1 },
        { "Limits.MaxRedirects", o => o.Limits.MaxRedirects = -1 },
        { "UserAgent", o => o.UserAgent = " " },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_is_named_in_the_exception(string name, Action<ScrapeOptions> spoil)
    {
        var options = Valid();
        spoil(options);

        var error = Should.Throw<ScrapeOptionsException>(options.Validate);

        error.OptionName.ShouldBe(name);
        error.Message.ShouldStartWith($"Option '{name}': ");
        error.Message.ShouldNotContain("(Parameter");
    }
}
