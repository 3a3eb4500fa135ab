using DeclarativeScrape.Generators.Tests.Infrastructure;

namespace DeclarativeScrape.Generators.Tests.Conversions;

/// <summary>The runtime conversions generated extractors call: invariant, never throwing, identical in every culture.</summary>
public sealed class ExtractionValuesTests
{
    public static TheoryData<string, string, string> Decimals => new()
    {
        { "", "£51.77", "51.77" }, { "fi-FI", "£51.77", "51.77" }, { "de-DE", "£51.77", "51.77" },
        { "de-DE", "1,234.5", "1234.5" }, { "fi-FI", "$ 1 234", "1234" }, { "de-DE", "1\u00a0234\u00a0€", "1234" },
        { "fi-FI", "-12.50", "-12.50" }, { "de-DE", "\u22123", "-3" }, { "", "  7  ", "7" }, { "de-DE", "1,234,567.89", "1234567.89" },
    };

    [Theory]
    [MemberData(nameof(Decimals))]
    public void Decimals_strip_currency_spaces_and_thousands_separators(string culture, string text, string expected)
    {
        using var scope = new CultureScope(culture);

        ExtractionValues.TryParseDecimal(text, out var value).ShouldBeTrue();

        value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1.234,5")]
    [InlineData("12,5")]
    [InlineData("1,23")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("5-")]
    [InlineData(null)]
    public void Ambiguous_or_malformed_numbers_are_refused_not_guessed(string? text)
    {
        using var scope = new CultureScope("de-DE");

        ExtractionValues.TryParseDecimal(text, out _).ShouldBeFalse();
        ExtractionValues.TryParseDouble(text, out _).ShouldBeFalse();
        ExtractionValues.TryParseInt32(text, out _).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(CultureScope.Cultures), MemberType = typeof(CultureScope))]
    public void Integers_doubles_booleans_and_dates_are_culture_independent(string culture)
    {
        using var scope = new CultureScope(culture);

        ExtractionValues.TryParseInt32("1,234", out var i).ShouldBeTrue();
        i.ShouldBe(1234);
        ExtractionValues.TryParseInt32("12.0", out _).ShouldBeFalse("integers refuse a fractional part");
        ExtractionValues.TryParseInt64("9,000,000,000", out var l).ShouldBeTrue();
        l.ShouldBe(9_000_000_000L);
        ExtractionValues.TryParseDouble("1.5e3", out var d).ShouldBeTrue();
        d.ShouldBe(1500d);
        ExtractionValues.TryParseDouble("NaN", out _).ShouldBeFalse();
        foreach (var yes in new[] { "true", "YES", "1", " True " })
        {
            ExtractionValues.TryParseBoolean(yes, out var b).ShouldBeTrue(yes);
            b.ShouldBeTrue(yes);
        }

        foreach (var no in new[] { "false", "No", "0" })
        {
            ExtractionValues.TryParseBoolean(no, out var b).ShouldBeTrue(no);
            b.ShouldBeFalse(no);
        }

        ExtractionValues.TryParseBoolean("maybe", out _).ShouldBeFalse();
        ExtractionValues.TryParseDateTime("2024-05-01", null, out var date).ShouldBeTrue();
        date.ShouldBe(new DateTime(2024, 5, 1));
        ExtractionValues.TryParseDateTime("05/01/2024", null, out var invariant).ShouldBeTrue();
        invariant.ShouldBe(new DateTime(2024, 5, 1), "the invariant culture reads month first");
        ExtractionValues.TryParseDateTime("3 March 2021", "d MMMM yyyy", out var exact).ShouldBeTrue();
        exact.ShouldBe(new DateTime(2021, 3, 3));
        ExtractionValues.TryParseDateTime("3 März 2021", "d MMMM yyyy", out _).ShouldBeFalse("month names are invariant (English)");
        ExtractionValues.TryParseDateTimeOffset("2024-05-01T10:00:00", null, out var offset).ShouldBeTrue();
        offset.Offset.ShouldBe(TimeSpan.Zero, "no offset means UTC, never the machine's zone");
    }

    [Theory]
    [InlineData("  A  light\n\t in \u00a0the  attic ", "A light in the attic")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(" \n ", "")]
    public void Text_is_trimmed_with_whitespace_runs_collapsed(string raw, string expected)
    {
        ExtractionText.Normalize(raw).ShouldBe(expected);
    }

    [Fact]
    public void Normalised_text_of_an_element_spans_its_descendants()
    {
        using var document = ExtractionDocument.ParseHtml("<div id=x> Hello <b>big</b>\n<i> wide </i>world </div>");

        ExtractionText.NormalizedText(document.GetElementById("x")!).ShouldBe("Hello big wide world");
    }

    [Theory]
    [InlineData(@"star-rating (\w+)", "star-rating Three", "Three")]
    [InlineData(@"\((?<value>\d+) available\)", "In stock (22 available)", "22")]
    [InlineData(@"\d+", "abc 42 def", "42")]
    public void Match_keeps_the_value_group_else_group_one_else_the_whole_match(string pattern, string input, string expected)
    {
        ExtractionText.TryMatch(ExtractionText.CreatePattern(pattern), input, out var value).ShouldBeTrue();

        value.ShouldBe(expected);
    }

    [Fact]
    public void An_invalid_selector_at_run_time_matches_nothing_and_says_why()
    {
        var selector = ExtractionSelectors.Parse("div[");
        using var document = ExtractionDocument.ParseHtml("<div>x</div>");

        ExtractionQuery.First(document, selector).ShouldBeNull();
        ExtractionMessages.NoElement(selector).ShouldContain("not valid CSS");
        ExtractionMessages.NoElement(ExtractionSelectors.Parse("div")).ShouldBe("no element matched");
    }

    [Fact]
    public void Queries_find_descendants_in_document_order_with_scope()
    {
        using var document = ExtractionDocument.ParseHtml("<ul><li>1<ul><li>2</li></ul></li><li>3</li></ul>");
        var all = ExtractionQuery.All(document, ExtractionSelectors.Parse("li"));

        all.Select(e => e.TextContent[..1]).ShouldBe(["1", "2", "3"]);
        ExtractionQuery.All(all[0], ExtractionSelectors.Parse(":scope > ul > li")).ShouldHaveSingleItem().TextContent.ShouldBe("2");
        ExtractionQuery.First(all[1], ExtractionSelectors.Parse("li")).ShouldBeNull("the scope itself is not a candidate");
    }
}
