using System.Globalization;
using DeclarativeScrape.Generators.Tests.Infrastructure;

namespace DeclarativeScrape.Generators.Tests.SamplePages;

/// <summary>
/// The sample check on the value and link features the generator's model carries besides selectors: counts, text
/// shaping, JSON names, link rules, <c>[FollowLinks]</c> and carried values. Each verdict is the crawl's (the
/// differential test, <see cref="CrawlAgreementTests"/>, holds the extraction to it); these hold the diagnostics.
/// </summary>
public sealed class SampleValueFeatureTests
{
    private const string Page = """
        <html><head><title>Dune</title></head><body>
        <ul class="breadcrumb"><li><a href="/index.html">Home</a></li><li><a href="/catalogue/category/sf_2/index.html">Science &amp; Fiction</a></li></ul>
        <div class="product_main"><h1>Dune</h1><p class="price_color">£51.77</p><p class="availability">In stock (12 available)</p></div>
        <div id="reviews"><article>Good</article><article>Long</article></div>
        <ul class="pager"><li><a href="page-1.html">1</a></li><li><a href="page-2.html">2</a></li><li><a href="guide.pdf">guide</a></li></ul>
        </body></html>
        """;

    private static string Book(string body, string typeAttributes = "") => """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using DeclarativeScrape;

        [Sample("samples/book.html", Url = "https://books.example/catalogue/dune/index.html")]
        [Page, Item]
        """ + typeAttributes + """

        public partial record Book
        {
        """ + body + """

        }

        [Scraper(StartUrl = "https://books.example/", StartPage = typeof(Book))]
        public static partial class S;
        """;

    private static string Message(GeneratorRun run) => run.Reported.ShouldHaveSingleItem().GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void Shaped_values_counts_and_link_rules_that_work_on_the_sample_give_no_diagnostic()
    {
        var run = SampleHarness.Run(Book("""
                [Text("p.price_color"), Replace("£", "GBP "), Split(" ", -1)] public decimal Price { get; init; }
                [Text("p.availability"), Split("(", 1), Trim(")available ")] public required int Stock { get; init; }
                [Text("ul.breadcrumb li:nth-child(2) a"), Replace("&", "and")] public string? Category { get; init; }
                [Count("#reviews article")] public int Reviews { get; init; }
                [Count("table.missing tr")] public long Rows { get; init; }
                [Follow("ul.pager a", Include = ["**/page-*.html"])] public IReadOnlyList<Link<Book>> Pages { get; init; } = [];
                [Follow("ul.pager a", Exclude = ["**/page-1.html"])] public required Link<Book> Later { get; init; }
            """), SampleHarness.File("samples/book.html", Page));

        run.Exception.ShouldBeNull();
        run.Reported.ShouldBeEmpty();
    }

    [Fact]
    public void A_split_without_the_part_is_an_error_with_the_crawls_message()
    {
        var run = SampleHarness.Run(Book("""
                [Text("p.availability"), Split("(", 2)] public required string Stock { get; init; }
            """), SampleHarness.File("samples/book.html", Page));

        run.Reported.ShouldHaveSingleItem().Id.ShouldBe("DS0028");
        Message(run).ShouldEndWith("fails: 'In stock (12 available)' has no part 2 when split on '('");
    }

    [Fact]
    public void A_shaped_text_that_does_not_convert_names_the_shaped_text()
    {
        var run = SampleHarness.Run(Book("""
                [Text("p.price_color"), Replace("£", "GBP ")] public required decimal Price { get; init; }
            """), SampleHarness.File("samples/book.html", Page));

        Message(run).ShouldEndWith("fails: 'GBP 51.77' is not a decimal");
    }

    [Fact]
    public void A_required_link_none_of_whose_links_passes_its_rules_is_an_error_and_nothing_else()
    {
        var run = SampleHarness.Run(Book("""
                [Follow("ul.pager a", Include = ["**/page-9.html"])] public required Link<Book> Last { get; init; }
            """), SampleHarness.File("samples/book.html", Page));

        run.Reported.ShouldHaveSingleItem().Id.ShouldBe("DS0028");
        Message(run).ShouldEndWith("fails: no link passes the Include/Exclude patterns");
    }

    [Fact]
    public void A_follow_whose_rules_leave_out_every_link_is_a_warning_saying_which_pattern()
    {
        var run = SampleHarness.Run(Book("""
                [Follow("ul.pager a", Exclude = ["**.html", "**.pdf"])] public IReadOnlyList<Link<Book>> Pages { get; init; } = [];
            """), SampleHarness.File("samples/book.html", Page));

        run.Reported.ShouldHaveSingleItem().Id.ShouldBe("DS0030");
        Message(run).ShouldContain("'page-1.html' (https://books.example/catalogue/dune/page-1.html): it matches the exclude pattern '**.html'");
    }

    [Fact]
    public void Expected_values_are_compared_by_json_name_and_ignored_properties_are_not_compared()
    {
        var expected = """
            { "value": { "name": "Dune", "reviews": 3, "Upc": "x" },
              "links": { "FollowLinks": [ "https://books.example/catalogue/dune/page-2.html" ] } }
            """;
        var run = SampleHarness.Run(
            Book("""
                    [Text("h1"), JsonPropertyName("name")] public required string Title { get; init; }
                    [Count("#reviews article"), JsonPropertyName("reviews")] public int ReviewCount { get; init; }
                    [Text("h1"), JsonIgnore, JsonPropertyName("Upc")] public string? Upc { get; init; }
                """, """[FollowLinks(Selector = "ul.pager a", Exclude = ["**.pdf"])]"""),
            SampleHarness.File("samples/book.html", Page),
            SampleHarness.File("samples/book.expected.json", expected));

        run.Reported.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).ShouldBe(
        [
            "DS0031: In sample 'samples/book.html', 'ReviewCount' is 2, but its expected-values file says 3",
            "DS0031: In sample 'samples/book.html', 'FollowLinks (links)' is 2 link(s), the first 'https://books.example/catalogue/dune/page-1.html', but its expected-values file says 1 link(s), the first 'https://books.example/catalogue/dune/page-2.html'",
        ]);
    }

    [Fact]
    public void Carried_values_are_not_judged_unless_the_expected_values_file_says_what_the_link_carried_and_a_failure_is_one_error()
    {
        var source = Book("""
                [Text("h1")] public required string Title { get; init; }
                [Carried] public required string Category { get; init; }
                [Carried] public int? Rank { get; init; }
            """);

        SampleHarness.Run(source, SampleHarness.File("samples/book.html", Page)).Reported.ShouldBeEmpty("the sample does not say what the link to it carried");

        var carried = SampleHarness.Run(
            source,
            SampleHarness.File("samples/book.html", Page),
            SampleHarness.File("samples/book.expected.json", """{ "carried": { "Rank": "third" }, "value": { "category": "Poetry" } }"""));

        carried.Reported.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).ShouldBe(
        [
            "DS0028: In sample 'samples/book.html', required 'Category' (the value carried to the page) fails: no value was carried by the link to this page (a start URL, or a link of a page that did not carry it)",
        ]);

        var wrong = SampleHarness.Run(
            source,
            SampleHarness.File("samples/book.html", Page),
            SampleHarness.File("samples/book.expected.json", """{ "carried": { "Category": "Verse", "Rank": 3 }, "value": { "category": "Poetry", "rank": 3 } }"""));

        wrong.Reported.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).ShouldBe(
        [
            "DS0031: In sample 'samples/book.html', 'Category' is 'Verse', but its expected-values file says 'Poetry'",
        ]);
    }
}
