using System.Globalization;
using DeclarativeScrape.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Tests.SamplePages;

/// <summary>A page type's extraction runs on its sample pages at build time: each verdict is a diagnostic at the property's selector.</summary>
public sealed class SampleCheckTests
{
    private const string Page = """
        <html><head><title>Dune</title><base href="/catalogue/"></head><body>
        <div class="product_main"><h1>Dune</h1><p class="price_color">£51.77</p><p class="availability">In stock (12 available)</p></div>
        <div class="item"><img src="cover.jpg"></div>
        <ul class="pager"><li class="next"><a href="page-2.html">next</a></li></ul>
        <div id="reviews"><article><span class="author">Ann</span></article><article><span class="author">Bob</span></article><article><b>anonymous</b></article></div>
        </body></html>
        """;

    private static string Book(string body, string sample = "[Sample(\"samples/book.html\", Url = \"https://books.example/x/book.html\")]") => """
        using System;
        using System.Collections.Generic;
        using DeclarativeScrape;

        """ + sample + """

        [Page, Item]
        public partial record Book
        {
        """ + body + """

        }

        [Item]
        public partial record Review
        {
            [Text(".author")] public required string Author { get; init; }
        }

        [Scraper(StartUrl = "https://books.example/", StartPage = typeof(Book))]
        public static partial class S;
        """;

    [Fact]
    public void A_type_whose_extraction_works_on_its_sample_gets_no_diagnostic()
    {
        var run = SampleHarness.Run(Book("""
                [Text("div.product_main h1")] public required string Title { get; init; }
                [Text("p.price_color")] public decimal Price { get; init; }
                [Text("p.availability"), Match(@"\((\d+) available\)")] public int? Stock { get; init; }
                [Attr("div.item img", "src")] public Uri? Cover { get; init; }
                [Follow("li.next a")] public Link<Book>? Next { get; init; }
            """), SampleHarness.File("samples/book.html", Page));

        run.Exception.ShouldBeNull();
        run.Reported.ShouldBeEmpty();
    }

    [Fact]
    public void A_required_selector_that_matches_nothing_is_an_error_at_the_selector_with_what_the_sample_has()
    {
        var parsed = Markup.Parse(Book("""
                [Text([|"p.price_colour"|])] public decimal Price { get; init; }
            """));

        var run = SampleHarness.Run(parsed.Source, SampleHarness.File("samples/book.html", Page));

        var diagnostic = run.Reported.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("DS0028");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.Location.SourceSpan.ShouldBe(parsed.Span);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldBe("In sample 'samples/book.html', required 'Price' (selector 'p.price_colour') fails: no element matched; no element has class 'price_colour'; the sample has 'price_color' (on <p>)");
    }

    [Fact]
    public void The_hint_names_the_longest_leading_part_of_the_selector_that_still_matches()
    {
        var run = SampleHarness.Run(Book("""
                [Text("div.product_main h2.title")] public required string Title { get; init; }
            """), SampleHarness.File("samples/book.html", Page));

        run.Reported.ShouldHaveSingleItem().GetMessage(CultureInfo.InvariantCulture)
            .ShouldEndWith("fails: no element matched; 'div.product_main' matches 1 element, but nothing in it matches 'h2.title'; no <h2> element; the sample has <h1>; no element has class 'title' in the sample");
    }

    [Theory]
    [InlineData("[Text(\"p.availability\")] public required decimal Price { get; init; }", "'In stock (12 available)' is not a decimal")]
    [InlineData("[Attr(\"div.item img\", \"alt\")] public required string Alt { get; init; }", "the element has no 'alt' attribute")]
    [InlineData("[Text(\"p.availability\"), Match(@\"^(\\d+) left$\")] public required int Stock { get; init; }", "'In stock (12 available)' does not match the pattern")]
    [InlineData("[Attr(\"li.next a\", \"href\")] public required Rating Rating { get; init; }", "'page-2.html' is not a Rating name")]
    public void A_required_value_that_does_not_convert_is_an_error_with_the_crawls_message(string property, string message)
    {
        var run = SampleHarness.Run(Book(property) + "\npublic enum Rating { One, Two }", SampleHarness.File("samples/book.html", Page));

        var diagnostic = run.Reported.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("DS0028");
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldEndWith("fails: " + message);
    }

    [Fact]
    public void A_nested_item_that_fails_is_an_error_at_the_nested_types_selector_with_its_path()
    {
        var parsed = Markup.Parse(Book("""
                [Items("#reviews article")] public IReadOnlyList<Review> Reviews { get; init; } = [];
            """).Replace("[Text(\".author\")]", "[Text([|\".author\"|])]", StringComparison.Ordinal));

        var run = SampleHarness.Run(parsed.Source, SampleHarness.File("samples/book.html", Page));

        var diagnostic = run.Reported.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("DS0028");
        diagnostic.Location.SourceSpan.ShouldBe(parsed.Span);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldStartWith("In sample 'samples/book.html', required 'Reviews[2].Author' (selector '.author') fails: no element matched");
    }

    [Fact]
    public void An_optional_value_found_in_no_sample_is_a_warning_and_one_found_in_some_sample_is_not()
    {
        var other = Page.Replace("<h1>Dune</h1>", "<h1>Dune</h1><h2>Part one</h2>", StringComparison.Ordinal);
        var source = Book("""
                [Text("h2")] public string? Subtitle { get; init; }
                [Text("h3.author")] public string? Author { get; init; }
                [Text("ul.tags li")] public IReadOnlyList<string> Tags { get; init; } = [];
            """, "[Sample(\"samples/book.html\"), Sample(\"samples/other.html\")]");

        var run = SampleHarness.Run(source, SampleHarness.File("samples/book.html", Page), SampleHarness.File("samples/other.html", other));

        run.Reported.Select(d => (d.Id, d.DefaultSeverity, d.GetMessage(CultureInfo.InvariantCulture))).OrderBy(d => d.Item3, StringComparer.Ordinal).ShouldBe(
        [
            ("DS0029", DiagnosticSeverity.Warning, "'Author' (selector 'h3.author') gives no value in any of the 2 sample page(s) of 'Book': no element matched; no <h3> element; the sample has <h1>"),
            ("DS0029", DiagnosticSeverity.Warning, "'Tags' (selector 'ul.tags li') gives no value in any of the 2 sample page(s) of 'Book': no element matched; no element has class 'tags' in the sample"),
        ]);
    }

    [Fact]
    public void A_follow_that_finds_no_link_in_any_sample_is_a_warning()
    {
        var run = SampleHarness.Run(Book("""
                [Follow("li.previous a")] public Link<Book>? Previous { get; init; }
            """), SampleHarness.File("samples/book.html", Page));

        var diagnostic = run.Reported.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("DS0030");
        diagnostic.DefaultSeverity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldStartWith("[Follow] 'Previous' (selector 'li.previous a') finds no link in any of the 1 sample page(s) of 'Book': no element matched");
    }

    [Fact]
    public void Values_that_differ_from_the_expected_values_file_are_errors_and_members_left_out_are_not_checked()
    {
        const string expected = """
            {
              "url": "https://books.example/x/book.html",
              "value": { "title": "Dune Messiah", "price": 51.770, "cover": "https://books.example/catalogue/cover.jpg", "reviews": [ { "author": "Ann" }, { "author": "Robert" } ] },
              "links": { "Next": [ "https://books.example/catalogue/page-3.html" ] }
            }
            """;
        var source = Book("""
                [Text("div.product_main h1")] public required string Title { get; init; }
                [Text("p.price_color")] public decimal Price { get; init; }
                [Text("p.availability")] public string? Availability { get; init; }
                [Attr("div.item img", "src")] public Uri? Cover { get; init; }
                [Items("#reviews article:has(.author)")] public IReadOnlyList<Review> Reviews { get; init; } = [];
                [Follow("li.next a")] public Link<Book>? Next { get; init; }
            """, "[Sample(\"samples/book.html\")]");

        var run = SampleHarness.Run(source, SampleHarness.File("samples/book.html", Page), SampleHarness.File("samples/book.expected.json", expected));

        run.Reported.Select(d => d.Id).Distinct().ShouldBe(["DS0031"]);
        run.Reported.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(m => m, StringComparer.Ordinal).ShouldBe(
        [
            "In sample 'samples/book.html', 'Next (links)' is 1 link(s), the first 'https://books.example/catalogue/page-2.html', but its expected-values file says 1 link(s), the first 'https://books.example/catalogue/page-3.html'",
            "In sample 'samples/book.html', 'Reviews[1].Author' is 'Bob', but its expected-values file says 'Robert'",
            "In sample 'samples/book.html', 'Title' is 'Dune', but its expected-values file says 'Dune Messiah'",
        ]);
    }

    [Fact]
    public void A_sample_file_that_is_not_an_additional_file_is_an_error_at_its_path()
    {
        var parsed = Markup.Parse(Book("""
                [Text("h1")] public required string Title { get; init; }
            """, "[Sample([|\"samples/book-1.html\"|])]"));

        var run = SampleHarness.Run(parsed.Source, SampleHarness.File("other/book-1.html", Page));

        var diagnostic = run.Reported.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("DS0032");
        diagnostic.Location.SourceSpan.ShouldBe(parsed.Span);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldBe("The sample 'samples/book-1.html' of 'Book' is not among the project's additional files: looked for '/project/samples/book-1.html'; the project has '/project/other/book-1.html' (write its path relative to the project directory)");
    }

    [Fact]
    public void A_sample_url_that_is_not_absolute_http_is_an_error_at_the_url()
    {
        var parsed = Markup.Parse(Book("""
                [Text("h1")] public required string Title { get; init; }
            """, "[Sample(\"samples/book.html\", Url = [|\"/x/book.html\"|])]"));

        var run = SampleHarness.Run(parsed.Source, SampleHarness.File("samples/book.html", Page));

        var diagnostic = run.Reported.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("DS0033");
        diagnostic.Location.SourceSpan.ShouldBe(parsed.Span);
    }

    [Fact]
    public void An_expected_values_file_that_is_not_json_is_an_error_naming_where()
    {
        var run = SampleHarness.Run(Book("""
                [Text("h1")] public required string Title { get; init; }
            """), SampleHarness.File("samples/book.html", Page), SampleHarness.File("samples/book.expected.json", "{ \"value\": { \"title\": \"Dune\" }\n, }"));

        var diagnostic = run.Reported.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("DS0034");
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldBe("The expected-values file 'book.expected.json' cannot be read: expected a member name in quotes (line 2, column 3)");
    }

    [Fact]
    public void A_sample_on_a_type_that_is_not_a_page_is_an_error()
    {
        var run = SampleHarness.Run("""
            using DeclarativeScrape;
            [Sample("samples/book.html")]
            [Item] public partial record Review { [Text("b")] public string? B { get; init; } }
            """, SampleHarness.File("samples/book.html", Page));

        var diagnostic = run.Reported.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("DS0035");
    }

    [Fact]
    public void A_sample_is_decoded_as_the_crawl_decodes_it_by_its_meta_charset_or_its_saved_content_type()
    {
        var latin = System.Text.Encoding.Latin1.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><h1>Caf\u00e9 \u00a3</h1></body></html>");
        var header = System.Text.Encoding.Latin1.GetBytes("<html><body><h1>Caf\u00e9 \u00a3</h1></body></html>");
        const string expected = """{ "contentType": "text/html; charset=ISO-8859-1", "value": { "title": "Café £" } }""";
        var source = Book("""
                [Text("h1")] public required string Title { get; init; }
            """, "[Sample(\"samples/meta.html\"), Sample(\"samples/header.html\")]").Replace("[Page, Item]", "[Page, Item]", StringComparison.Ordinal);

        var run = SampleHarness.Run(
            source,
            SampleHarness.File("samples/meta.html", latin),
            SampleHarness.File("samples/meta.expected.json", """{ "value": { "title": "Café £" } }"""),
            SampleHarness.File("samples/header.html", header),
            SampleHarness.File("samples/header.expected.json", expected));

        run.Reported.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_scrapers_page_encoding_decodes_the_samples_of_the_page_types_its_crawl_reaches_as_the_crawl_does(bool withPageEncoding)
    {
        // A page in windows-1251 that says nothing of its encoding: no byte order mark, no <meta>, no recorded Content-Type.
        const string title = "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440";   // Привет мир
        var bytes = System.Text.Encoding.ASCII.GetBytes("<html><body><h1>")
            .Concat(title.Select(c => c == ' ' ? (byte)' ' : (byte)(c - 0x0410 + 0xC0)))
            .Concat(System.Text.Encoding.ASCII.GetBytes("</h1></body></html>"))
            .ToArray();
        PageDecoder.Decode(bytes, contentType: null, encoding: "windows-1251").Text.ShouldContain(title, customMessage: "the crawl decodes it by [PageEncoding]");

        // Reached through a [Follow] from the start page, as the crawl reaches it.
        var source = """
            using DeclarativeScrape;

            [Page]
            public partial record Listing
            {
                [Follow("a.book")] public System.Collections.Generic.IReadOnlyList<Link<Article>> Articles { get; init; } = [];
            }

            [Page, Item, Sample("samples/article.html", Url = "https://news.example/a/1.html")]
            public partial record Article
            {
                [Text("h1")] public required string Title { get; init; }
            }

            """ + (withPageEncoding ? "[PageEncoding(\"windows-1251\")]\n" : "") + """
            [Scraper(StartUrl = "https://news.example/", StartPage = typeof(Listing))]
            public static partial class S;
            """;

        var run = SampleHarness.Run(
            source,
            SampleHarness.File("samples/article.html", bytes),
            SampleHarness.File("samples/article.expected.json", "{ \"value\": { \"title\": \"" + title + "\" } }"));

        if (withPageEncoding)
        {
            run.Reported.ShouldBeEmpty("the check decodes the sample with the scraper's [PageEncoding], as the crawl does");
        }
        else
        {
            // Without it the crawl (and the check) read the page otherwise: the expected title differs.
            run.Reported.ShouldHaveSingleItem().Id.ShouldBe("DS0031");
        }
    }

    [Fact]
    public void Relative_urls_resolve_against_the_samples_base_href_as_in_the_crawl()
    {
        const string expected = """{ "value": { "cover": "https://books.example/catalogue/cover.jpg" }, "links": { "Next": [ "https://books.example/catalogue/page-2.html" ] } }""";
        var run = SampleHarness.Run(Book("""
                [Attr("div.item img", "src")] public Uri? Cover { get; init; }
                [Follow("li.next a")] public Link<Book>? Next { get; init; }
            """), SampleHarness.File("samples/book.html", Page), SampleHarness.File("samples/book.expected.json", expected));

        run.Reported.ShouldBeEmpty();
    }
}
