extern alias samples;

using DeclarativeScrape.CodeFixes;
using DeclarativeScrape.Generators.Tests.Infrastructure;
using SampleCheckGenerator = samples::DeclarativeScrape.Samples.SampleCheckGenerator;

namespace DeclarativeScrape.Generators.Tests.CodeFixes;

/// <summary>DS0028's fix: a required value a sample page lacks becomes optional (<c>int Pages</c> → <c>int? Pages</c>).</summary>
public sealed class MakeOptionalCodeFixTests
{
    // A book page without a page count, an ISBN attribute or a next link; its price text is not a number.
    private const string Sample = """
        <html><body>
        <div class="product_main"><h1>Dune</h1><p class="price_color">call us</p><p class="isbn">0441013597</p></div>
        <div id="review"><span class="author">Ann</span></div>
        </body></html>
        """;

    // Another book page that has them all: with both samples, the optional values are found and nothing is reported.
    private const string Complete = """
        <html><body>
        <div class="product_main"><h1>Emma</h1><p class="subtitle">A novel</p><p class="price_color">12.50</p><p class="pages">474</p><p class="isbn" data-isbn13="9780141439587">0141439580</p></div>
        <div class="featured"><span class="author">Bob</span></div>
        <ul><li class="next"><a href="dune.html">next</a></li></ul>
        </body></html>
        """;

    private static string Book(string properties, int samples = 1) => """
        using System;
        using System.Collections.Generic;
        using DeclarativeScrape;

        [Sample("samples/book-1.html", Url = "https://books.example/dune.html")]
        """ + string.Concat(Enumerable.Range(2, samples - 1).Select(i => "[Sample(\"samples/book-" + i + ".html\", Url = \"https://books.example/" + i + ".html\")]")) + """

        [Page, Item]
        public partial record Book
        {
            [Text("h1")] public required string Title { get; init; }

        """ + properties + """

        }

        [Item]
        public partial record Review
        {
            [Text(".author")] public required string Author { get; init; }
        }

        [Scraper(StartUrl = "https://books.example/", StartPage = typeof(Book))]
        public static partial class S;
        """;

    private static GeneratorCodeFixTest<MakeOptionalCodeFix> Test(string before, string after, params string[] samples)
    {
        var test = new GeneratorCodeFixTest<MakeOptionalCodeFix>(before, after);
        test.Generators.Add(typeof(SampleCheckGenerator));
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + SampleCheckGenerator.ProjectDirectoryOption + " = " + SampleHarness.ProjectDirectory + "\n"));
            for (var i = 0; i < samples.Length; i++)
            {
                state.AdditionalFiles.Add((SampleHarness.ProjectDirectory + "samples/book-" + (i + 1) + ".html", samples[i]));
            }
        }

        return test;
    }

    [Theory]
    [InlineData("""[Text({|DS0028:"p.pages"|})] public int Pages { get; init; }""", """[Text("p.pages")] public int? Pages { get; init; }""")]
    [InlineData("""[Text({|DS0028:"p.subtitle"|})] public required string Subtitle { get; init; }""", """[Text("p.subtitle")] public string? Subtitle { get; init; }""")]
    [InlineData("""[Attr({|DS0028:"p.isbn"|}, "data-isbn13")] public required string Isbn13 { get; init; }""", """[Attr("p.isbn", "data-isbn13")] public string? Isbn13 { get; init; }""")]
    [InlineData("""[Follow({|DS0028:"li.next a"|})] public Link<Book> Next { get; init; }""", """[Follow("li.next a")] public Link<Book>? Next { get; init; }""")]
    [InlineData("""[Items({|DS0028:"div.featured"|})] public required Review Featured { get; init; }""", """[Items("div.featured")] public Review? Featured { get; init; }""")]
    public async Task A_required_value_a_sample_lacks_becomes_optional(string before, string after) =>
        await Test(Book(before, samples: 2), Book(after, samples: 2), Sample, Complete).RunAsync();

    [Fact]
    public async Task A_value_no_sample_has_becomes_optional_and_is_then_the_warning_of_an_optional_value_never_found()
    {
        // With one sample lacking it, the error becomes DS0029's warning: the value may be missing, or the selector wrong.
        await Test(
            Book("""[Text({|DS0028:"p.pages"|})] public int Pages { get; init; }"""),
            Book("""[Text({|DS0029:"p.pages"|})] public int? Pages { get; init; }"""),
            Sample).RunAsync();
    }

    [Fact]
    public async Task Fix_all_makes_every_absent_value_optional_once_even_when_two_samples_lack_it()
    {
        const string before = """
            [Text({|DS0028:{|DS0028:"p.pages"|}|})] public int Pages { get; init; }
                [Follow({|DS0028:{|DS0028:"li.next a"|}|})] public Link<Book> Next { get; init; }
            """;
        const string after = """
            [Text("p.pages")] public int? Pages { get; init; }
                [Follow("li.next a")] public Link<Book>? Next { get; init; }
            """;
        await Test(Book(before, samples: 3), Book(after, samples: 3), Sample, Sample.Replace("Dune", "Emma", StringComparison.Ordinal), Complete).RunAsync();
    }

    [Theory]
    // The value is there but does not convert: the selector or the type is wrong, and '?' would hide it on every page.
    [InlineData("""[Text({|DS0028:"p.price_color"|})] public decimal Price { get; init; }""")]
    // The text is there but not as the pattern says.
    [InlineData("""[Match(@"\d+ pages"), Text({|DS0028:"p.isbn"|})] public required string Pages { get; init; }""")]
    public async Task No_fix_when_the_value_is_there_but_wrong(string properties)
    {
        var source = Book(properties);
        await Test(source, source, Sample).RunAsync();
    }

    [Fact]
    public async Task No_fix_when_one_sample_lacks_the_value_and_another_has_it_wrong()
    {
        const string properties = """[Text({|DS0028:{|DS0028:"p.price_color"|}|})] public decimal Price { get; init; }""";
        var source = Book(properties, samples: 2);
        await Test(source, source, Sample, Sample.Replace("<p class=\"price_color\">call us</p>", string.Empty, StringComparison.Ordinal)).RunAsync();
    }
}
