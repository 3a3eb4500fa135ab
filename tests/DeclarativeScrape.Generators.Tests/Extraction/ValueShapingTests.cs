using System.Buffers;
using System.Text;
using System.Text.Json;
using DeclarativeScrape.Generators.Tests.Scrapers;

namespace DeclarativeScrape.Generators.Tests.Extraction;

/// <summary>[Count], [Replace]/[Split]/[Trim] and the output rules, through extractors the real generator built.</summary>
public sealed class ValueShapingTests
{
    private static readonly Uri PageUrl = new("http://127.0.0.1:5080/manual/sql-select.html");

    private const string Page = """
        <html><head><title>SELECT | PostgreSQL 15 Manual</title></head>
        <body>
          <nav class="crumbs">Home › SQL ›  Commands </nav>
          <h1>SELECT ¶</h1>
          <p class="lead">Retrieve rows from a table or view, with many options.</p>
          <span class="by">By Ada &amp; Grace</span> <span class="pages">1,204 pages</span>
          <h2>Synopsis ¶</h2>
          <script>var s = "<h2>not a heading</h2>";</script>
          <!-- <h2>nor this</h2> -->
          <h2>Description¶</h2>
          <table></table><div><table></table></div>
          <h3>Outputs</h3>
          <a class="edit" href="/edit/select/">edit</a>
          <p class="version">15.20</p><p class="secret">s3cret</p>
          <a class="next" href="next.html">next</a><a class="up" href="index.html">up</a>
          <a class="related" href="a.html">a</a><a class="related" href="b.html#top">b</a>
        </body></html>
        """;

    [Fact]
    public void Counts_and_shaped_text_are_extracted()
    {
        var page = ManualPage.Parse(Page, PageUrl);

        page.Title.ShouldBe("SELECT");
        page.Heading.ShouldBe("SELECT");
        page.Headings.ShouldBe(4, "h1, two h2 and an h3 of the document: not the h2 inside script text or a comment");
        page.Tables.ShouldBe(2L);
        page.Self.ShouldBe(1);
        page.Section.ShouldBe("Commands");
        page.Lead.ShouldBe("Retrieve rows from");
        page.LastWords.ShouldBe("many options.", "from the second-last word on: only two are left");
        page.Author.ShouldBe("Ada and Grace");
        page.Pages.ShouldBe(1204);
        page.Sections.ShouldBe(["Synopsis", "Description"]);
        page.EditPath.ShouldBe("edit/select");
        page.Missing.ShouldBeNull("an optional value without that part is absent");
        page.Version.ShouldBe("15.20");
        page.Secret.ShouldBe("s3cret", "[JsonIgnore] only leaves it out of the output");
        page.Next.ShouldBe(new Link<ManualPage>(new Uri("http://127.0.0.1:5080/manual/next.html")));
    }

    [Fact]
    public void A_count_is_zero_when_nothing_matches_and_never_a_failure()
    {
        var page = ManualPage.Parse("<title>Empty | Manual</title>", PageUrl);

        page.Headings.ShouldBe(0);
        page.Tables.ShouldBe(0L);
        page.Self.ShouldBe(1);
        page.Sections.ShouldBeEmpty();
    }

    [Fact]
    public void A_required_value_without_the_part_asked_for_is_a_failure_naming_the_split()
    {
        var exception = Should.Throw<ExtractionException>(() => ManualPage.Parse("<title> | </title>", PageUrl));

        var failure = exception.Failures.ShouldHaveSingleItem();
        failure.Property.ShouldBe("Title");
        failure.Selector.ShouldBe("title");
        failure.Message.ShouldBe("'|' has no part 0 when split on '|'");
    }

    [Fact]
    public void An_item_writes_its_properties_and_computed_ones_but_not_ignored_ones_nor_links_unless_asked()
    {
        var page = ManualPage.Parse(Page, PageUrl);
        var format = ManualScraper.Plan.Format;

        var json = Json(writer => format.WriteJson(writer, page));

        using var document = JsonDocument.Parse(json);
        document.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "title", "heading", "headings", "tables", "self", "section", "lead", "lastWords", "author", "pages", "sections",
            "editPath", "missing", "release", "up", "related", "hasTables", "sectionCount", "titleWords",
        ]);
        var root = document.RootElement;
        root.GetProperty("headings").GetInt32().ShouldBe(4);
        root.GetProperty("release").GetString().ShouldBe("15.20");
        root.GetProperty("up").GetString().ShouldBe("http://127.0.0.1:5080/manual/index.html");
        root.GetProperty("related").EnumerateArray().Select(e => e.GetString()).ShouldBe(["http://127.0.0.1:5080/manual/a.html", "http://127.0.0.1:5080/manual/b.html"]);
        root.GetProperty("hasTables").GetBoolean().ShouldBeTrue();
        root.GetProperty("sectionCount").GetInt32().ShouldBe(2);
        root.GetProperty("titleWords").EnumerateArray().Select(e => e.GetString()).ShouldBe(["SELECT"]);
        format.CsvColumns.ShouldBe(
        [
            "title", "heading", "headings", "tables", "self", "section", "lead", "lastWords", "author", "pages", "sections",
            "editPath", "missing", "release", "up", "related", "hasTables", "sectionCount", "titleWords",
        ]);
        var cells = new string?[format.CsvColumns.Count];
        format.WriteCsvRow(page, cells);
        cells[2].ShouldBe("4");
        cells[16].ShouldBe("true");
        cells[18].ShouldBe("[\"SELECT\"]");
    }

    [Fact]
    public void Counts_read_only_the_attributes_their_selectors_test()
    {
        var attributes = ManualScraper.Plan.StartPage.ReadAttributes.ShouldNotBeNull();

        attributes.ShouldBe(["class", "href"]);
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
