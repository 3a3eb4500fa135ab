using DeclarativeScrape;

namespace DeclarativeScrape.Tests.Fetching;

public sealed class RetryAfterTests
{
    // Sunday, 6 November 1994, 08:49:00 UTC: the RFC's own example date, 37 seconds later.
    private static readonly DateTimeOffset Now = new(1994, 11, 6, 8, 49, 0, TimeSpan.Zero);

    public static TheoryData<string, double> Valid => new()
    {
        // delta-seconds
        { "0", 0 },
        { "1", 1 },
        { "120", 120 },
        { "  120  ", 120 },
        { "\t7", 7 },
        { "007", 7 },
        { "86400", 86400 },
        // IMF-fixdate
        { "Sun, 06 Nov 1994 08:49:37 GMT", 37 },
        { "Sun, 06 Nov 1994 08:50:00 GMT", 60 },
        { "Mon, 07 Nov 1994 08:49:00 GMT", 86400 },
        { "sun, 06 nov 1994 08:49:37 gmt", 37 },
        { "Sun,  06  Nov 1994   08:49:37 GMT", 37 },
        { "Sun, 6 Nov 1994 08:49:37 GMT", 37 },
        { "Sun, 06 Nov 1994 08:49:37 UTC", 37 },
        { "Mon, 06 Nov 1994 08:49:37 GMT", 37 },
        { "Sunday, 06 Nov 1994 08:49:37 GMT", 37 },
        { "Sun, 06 Nov 1994 08:49:60 GMT", 59 },
        { "Thu, 01 Jan 2099 00:00:00 GMT", (new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero) - Now).TotalSeconds },
        // RFC 850
        { "Sunday, 06-Nov-94 08:49:37 GMT", 37 },
        { "Sun, 06-Nov-94 08:49:37 GMT", 37 },
        { "Sunday, 06-Nov-1994 08:49:37 GMT", 37 },
        { "Monday, 07-Nov-94 08:49:00 GMT", 86400 },
        // asctime
        { "Sun Nov  6 08:49:37 1994", 37 },
        { "Sun Nov 6 08:49:37 1994", 37 },
        { "Sun Nov 06 08:49:37 1994", 37 },
        // past dates wait for nothing
        { "Sun, 06 Nov 1994 08:48:59 GMT", 0 },
        { "Thu, 01 Jan 1970 00:00:00 GMT", 0 },
        { "Sat, 01-Jan-00 00:00:00 GMT", 0 },
        { "Thu Jan  1 00:00:00 1970", 0 },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses(string value, double seconds)
    {
        RetryAfter.TryParse(value, Now, out var delay).ShouldBeTrue();

        delay.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("922337203686")]
    [InlineData("9223372036854775807")]
    [InlineData("9223372036854775808")]
    public void Huge_delta_seconds_saturate(string value)
    {
        RetryAfter.TryParse(value, Now, out var delay).ShouldBeTrue();

        delay.ShouldBe(TimeSpan.MaxValue);
    }

    [Fact]
    public void The_largest_delta_seconds_that_fits_is_exact()
    {
        RetryAfter.TryParse("922337203685", Now, out var delay).ShouldBeTrue();

        delay.ShouldBe(TimeSpan.FromSeconds(922337203685));
    }

    [Fact]
    public void A_two_digit_year_more_than_50_years_ahead_is_in_the_past_century()
    {
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        // 2081 is more than 50 years after 2030: the date is 1981, in the past.
        RetryAfter.TryParse("Thursday, 01-Jan-81 00:00:00 GMT", now, out var past).ShouldBeTrue();
        past.ShouldBe(TimeSpan.Zero);

        // 2031 is not: one year ahead.
        RetryAfter.TryParse("Wednesday, 01-Jan-31 00:00:00 GMT", now, out var ahead).ShouldBeTrue();
        ahead.ShouldBe(TimeSpan.FromDays(365));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("5s")]
    [InlineData("5 6")]
    [InlineData("0x10")]
    [InlineData("١٢")]
    [InlineData("soon")]
    [InlineData("Sun, 06 Nov 1994 08:49:37")]
    [InlineData("Sun, 06 Nov 1994 08:49:37 PST")]
    [InlineData("Sun, 06 Nov 1994 08:49:37 +0000")]
    [InlineData("Sun 06 Nov 1994 08:49:37 GMT")]
    [InlineData("Fun, 06 Nov 1994 08:49:37 GMT")]
    [InlineData("Sun, 06 Nox 1994 08:49:37 GMT")]
    [InlineData("Sun, 31 Nov 1994 08:49:37 GMT")]
    [InlineData("Sun, 29 Feb 1995 08:49:37 GMT")]
    [InlineData("Sun, 00 Nov 1994 08:49:37 GMT")]
    [InlineData("Sun, 06 Nov 94 08:49:37 GMT")]
    [InlineData("Sun, 06 Nov 1994 24:00:00 GMT")]
    [InlineData("Sun, 06 Nov 1994 08:60:00 GMT")]
    [InlineData("Sun, 06 Nov 1994 08:49:61 GMT")]
    [InlineData("Sun, 06 Nov 1994 8:49:37 GMT")]
    [InlineData("Sun, 06 Nov 1994 08:49 GMT")]
    [InlineData("Sun, 06 Nov 1994 08-49-37 GMT")]
    [InlineData("Sun, 06 Nov 0000 08:49:37 GMT")]
    [InlineData("Sunday, 06-Nov-94 08:49:37")]
    [InlineData("Sunday, 06/Nov/94 08:49:37 GMT")]
    [InlineData("Sunday, 06-Nov-94-1 08:49:37 GMT")]
    [InlineData("Sun Nov  6 08:49:37")]
    [InlineData("Sun, Nov  6 08:49:37 1994")]
    [InlineData("Sun Nov  6 08:49:37 94")]
    [InlineData("1994-11-06T08:49:37Z")]
    [InlineData("Sun, 06 Nov 1994 08:49:37 GMT extra tokens here")]
    public void Garbage_is_refused(string? value) => RetryAfter.TryParse(value, Now, out _).ShouldBeFalse();
}
