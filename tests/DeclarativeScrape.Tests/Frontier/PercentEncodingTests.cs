using DeclarativeScrape;

namespace DeclarativeScrape.Tests.Frontier;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("/a/b?c=d&e=f", "/a/b?c=d&e=f")]
    [InlineData("%7e%41", "~A")]
    [InlineData("%2f%3a%2A%24", "%2F%3A%2A%24")]
    [InlineData("%e3%83%84", "%E3%83%84")]
    [InlineData("ツ", "%E3%83%84")]
    [InlineData("a b\"<>", "a%20b%22%3C%3E")]
    [InlineData("%", "%25")]
    [InlineData("%4", "%254")]
    [InlineData("%G1", "%25G1")]
    [InlineData("*$", "*$")]
    [InlineData("\uD83D\uDE00", "%F0%9F%98%80")]
    [InlineData("\u007F\u0000", "%7F%00")]
    public void Normalizes(string input, string expected) => PercentEncoding.Normalize(input).ShouldBe(expected);

    [Fact]
    public void Encodes_a_lone_surrogate_as_the_replacement_character() =>
        PercentEncoding.Normalize("/a\uD83D").ShouldBe("/a%EF%BF%BD");

    [Theory]
    [InlineData("/a/b?c=d")]
    [InlineData("/%2F%C3%A9")]
    [InlineData("")]
    public void Returns_normal_text_itself(string input) => PercentEncoding.Normalize(input).ShouldBeSameAs(input);
}
