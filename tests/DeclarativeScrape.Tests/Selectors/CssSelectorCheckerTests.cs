using DeclarativeScrape.Generators.Selectors;

namespace DeclarativeScrape.Tests.Selectors;

/// <summary>What the checker tells a user about a bad selector, and where it points.</summary>
public sealed class CssSelectorCheckerTests
{
    [Theory]
    [InlineData("a[href", "unclosed attribute selector '['", "[")]
    [InlineData("li:hovr", "unknown pseudo-class ':hovr'", ":hovr")]
    [InlineData("ul >", "expected a selector after combinator '>'", ">")]
    [InlineData("a, ", "expected a selector after ','", ",")]
    [InlineData("a > + b", "two combinators in a row: '>' and '+'", "+")]
    [InlineData("li:nth-child(2x)", "'2x' is not a valid step in ':nth-child()'", "2x")]
    [InlineData("li:nth-child(foo)", "invalid argument of ':nth-child()'", "foo")]
    [InlineData("li:nth-of-type(2n of .a)", "':nth-of-type()' does not take 'of <selector>'", "of")]
    [InlineData("p:not(:hovr)", "unknown pseudo-class ':hovr'", ":hovr")]
    [InlineData("p:not(::before)", "pseudo-element '::before' is not allowed inside ':not()'", "::before")]
    [InlineData("p:not(:not(a))", "':not()' cannot be nested directly inside ':not()'", ":not(")]
    [InlineData("p::befor", "unknown pseudo-element '::befor'", "::befor")]
    [InlineData("p:nth-child(2n+1", "unclosed ':nth-child(': expected ')'", ":nth-child(")]
    [InlineData("div:is(a, b", "unclosed ':is(': expected ')'", ":is(")]
    [InlineData("p:hover()", "it takes no argument, write ':hover'", ":hover(")]
    [InlineData("p:first-child:not", "it takes an argument, as in ':not(...)'", ":not")]
    [InlineData("[a=b c]", "expected ']' to close the attribute selector", "c")]
    [InlineData("[a==b]", "expected an attribute value after '='", "=")]
    [InlineData("a]", "unbalanced ']'", "]")]
    [InlineData("a:has()", "':has()' needs a selector", ":has(")]
    [InlineData("p:contains(1)", "':contains()' expects a word or a quoted string, found '1'", "1")]
    [InlineData("div.", "expected a class name after '.'", ".")]
    [InlineData("#1", "expected an id after '#'", "#")]
    [InlineData("a url(x)", "url() is not allowed in a selector", "url(x)")]
    [InlineData("a $ b", "unexpected '$'", "$")]
    [InlineData("a ~= b", "attribute operator '~=' outside an attribute selector", "~=")]
    [InlineData("svg|", "expected an element name after the namespace separator '|'", "|")]
    [InlineData("a:", "expected a pseudo-class name after ':'", ":")]
    public void Explains_and_points_at_the_offending_characters(string selector, string message, string pointed)
    {
        var error = CssSelectorChecker.Check(selector).ShouldNotBeNull();

        error.Message.ShouldContain(message);
        selector.Substring(error.Offset, error.Length).ShouldBe(pointed);
    }

    [Fact]
    public void The_empty_selector_is_refused() =>
        CssSelectorChecker.Check("").ShouldNotBeNull().Message.ShouldBe("the selector is empty");

    [Theory]
    [InlineData("   ")]
    [InlineData("> a")]
    [InlineData(",a")]
    [InlineData(":is(:no-such-thing, a)")]
    public void AngleSharp_quirks_are_accepted_because_AngleSharp_accepts_them(string selector) =>
        CssSelectorChecker.Check(selector).ShouldBeNull();

    private static readonly string[] Hostile =
    [
        new string('.', 100_000),
        new string('(', 100_000),
        string.Concat(Enumerable.Repeat(":not(", 10_000)),
        string.Concat(Enumerable.Repeat(":is(", 200)) + "a" + new string(')', 200),
        string.Concat(Enumerable.Repeat("/**/", 50_000)) + "a",
        string.Concat(Enumerable.Repeat("a > ", 50_000)) + "b",
        "[" + new string('"', 10_001),
        "\\" + new string('f', 100_000),
        "url(" + new string('(', 50_000),
        ":nth-child(" + new string('9', 100_000) + ")",
    ];

    [Fact]
    public void Hostile_input_never_throws()
    {
        foreach (var selector in Hostile)
        {
            Should.NotThrow(() => CssSelectorChecker.Check(selector), selector[..Math.Min(40, selector.Length)]);
        }
    }

    [Fact]
    public void Nesting_beyond_AngleSharps_limit_is_refused()
    {
        static string Nested(int depth) => string.Concat(Enumerable.Repeat(":is(", depth)) + "a" + new string(')', depth);

        CssSelectorChecker.Check(Nested(75)).ShouldBeNull();
        CssSelectorChecker.Check(Nested(76)).ShouldNotBeNull().Message.ShouldContain("nested too deeply");
    }
}
