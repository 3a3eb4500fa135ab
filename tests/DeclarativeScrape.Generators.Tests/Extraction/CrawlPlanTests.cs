using System.Buffers;
using System.Text;
using System.Text.Json;
using DeclarativeScrape.Generators.Tests.Infrastructure;
using DeclarativeScrape.Generators.Tests.Scrapers;

namespace DeclarativeScrape.Generators.Tests.Extraction;

/// <summary>The generated plan, options and item formats of the test scrapers.</summary>
public sealed class CrawlPlanTests
{
    [Fact]
    public void The_plan_lists_reachable_pages_start_page_first_with_working_extractors()
    {
        var plan = BookstoreScraper.Plan;

        plan.Name.ShouldBe("BookstoreScraper");
        plan.Pages.Select(p => (p.Type, p.Name, p.IsItem)).ShouldBe([(typeof(CataloguePage), "CataloguePage", false), (typeof(BookPage), "BookPage", true)]);
        plan.SchemaFingerprint.ShouldMatch("^[0-9a-f]{16}$");
        BookstoreScraper.Plan.ShouldBeSameAs(plan, "built once");

        using var document = ExtractionDocument.ParseHtml(SavedPages.Read("book.html"));
        var context = ExtractionDocument.CreateContext(document, SavedPages.BookUrl);
        plan.Pages[1].Extract(document, context, out var book).ShouldBeTrue();
        book!.Title.ShouldBe("A Light in the Attic");

        using var catalogue = ExtractionDocument.ParseHtml(SavedPages.Read("catalogue.html"));
        var catalogueContext = ExtractionDocument.CreateContext(catalogue, SavedPages.CatalogueUrl);
        plan.StartPage.Extract(catalogue, catalogueContext, out _).ShouldBeFalse("a catalogue page is not an item");
        catalogueContext.Links.Count.ShouldBe(4);
    }

    [Fact]
    public void Each_page_type_lists_the_attributes_its_extraction_reads()
    {
        BookstoreScraper.Plan.Pages[0].ReadAttributes.ShouldBe(["class", "href"], "li.next a, article.product_pod h3 a (href followed)");
        BookstoreScraper.Plan.Pages[1].ReadAttributes.ShouldBeNull("[Html] and [OuterHtml] need every attribute");

        ForumScraper.Plan.Pages.Select(p => p.Name).ShouldBe(["ForumPage", "SettingsPage"]);
        ForumScraper.Plan.Pages[0].ReadAttributes.ShouldBe(
            ["class", "data-href", "datetime", "hidden", "href", "id", "rel"],
            "its own selectors and [Follow] attributes, and those of its nested ForumPost items, in lower case");
        ForumScraper.Plan.Pages[1].ReadAttributes.ShouldBeNull(":checked depends on an attribute it does not name");
    }

    [Fact]
    public void CreateOptions_holds_the_attribute_values_and_validates()
    {
        var options = BookstoreScraper.CreateOptions();

        options.StartUrls.ShouldBe([new Uri("http://127.0.0.1:5080/catalogue/page-1.html")]);
        options.AllowedHosts.ShouldBe(["127.0.0.1"]);
        options.Concurrency.Max.ShouldBe(64);
        options.Concurrency.PerHost.ShouldBe(16);
        options.RateLimit.RequestsPerSecond.ShouldBe(50);
        options.RateLimit.Burst.ShouldBe(10);
        options.Retry.MaxAttempts.ShouldBe(4);
        options.Retry.BaseDelay.ShouldBe(TimeSpan.FromMilliseconds(200));
        options.Retry.StatusCodes.OrderBy(c => c).ShouldBe([429, 503]);
        options.Timeouts.Request.ShouldBe(TimeSpan.FromSeconds(15));
        options.Timeouts.ReadIdle.ShouldBe(TimeSpan.FromSeconds(5));
        options.UserAgent.ShouldBe("TestBot/1.0");
        options.Headers["Accept-Language"].ShouldBe("en-GB");
        options.Headers["X-Quote"].ShouldBe("say \"hi\" {0} \\ é");
        options.Limits.MaxPages.ShouldBe(100);
        options.Limits.MaxResponseBytes.ShouldBe(LimitOptions.DefaultMaxResponseBytes);
        options.Limits.MaxDecompressedBytes.ShouldBe(8L << 20);
        options.Limits.BodyBudgetBytes.ShouldBe(48L << 20);
        options.Limits.MaxRedirects.ShouldBe(3);
        options.ShouldNotBeSameAs(BookstoreScraper.CreateOptions());
        BookstoreScraper.Plan.CreateOptions().StartUrls.Count.ShouldBe(1);
        Should.NotThrow(options.Validate);
    }

    [Theory]
    [MemberData(nameof(CultureScope.Cultures), MemberType = typeof(CultureScope))]
    public void Items_are_written_as_json_and_csv_identically_in_every_culture(string culture)
    {
        using var scope = new CultureScope(culture);
        var book = BookPage.Parse(SavedPages.Read("book.html"), SavedPages.BookUrl);
        var format = BookstoreScraper.Plan.Format;

        var json = Json(writer => format.WriteJson(writer, book));
        var cells = new string?[format.CsvColumns.Count];
        format.WriteCsvRow(book, cells);

        json.ShouldBe(
            "{\"title\":\"A Light in the Attic\",\"price\":51.77,\"stock\":22,\"inStock\":true," +
            "\"cover\":\"http://127.0.0.1:5080/media/cache/fe/72/fe72f0532301ec28892ae79a629a293c.jpg\",\"rating\":\"Three\",\"category\":\"Poetry\"," +
            "\"upc\":1234567890,\"published\":\"2021-03-03T00:00:00\",\"updated\":\"2024-05-01T10:00:00+02:00\",\"grams\":1200," +
            "\"description\":\"It\\u0027s hard to imagine a world without \\u003Cem\\u003EA Light in the Attic\\u003C/em\\u003E.\"," +
            "\"priceHtml\":\"\\u003Cp class=\\u0022price_color\\u0022\\u003E\\u00A351.77\\u003C/p\\u003E\",\"tags\":[\"poetry\",\"classic verse\",\"\"]," +
            "\"reviews\":[{\"author\":\"Ada\",\"date\":\"2024-05-01T00:00:00\",\"stars\":4.5,\"verified\":true},{\"author\":\"Grace Hopper\",\"date\":\"2023-12-24T18:30:00Z\",\"stars\":null,\"verified\":false}]," +
            "\"featured\":{\"author\":\"Grace Hopper\",\"date\":\"2023-12-24T18:30:00Z\",\"stars\":null,\"verified\":false}," +
            "\"url\":\"http://127.0.0.1:5080/catalogue/a-light-in-the-attic_1000/index.html\"}");
        format.CsvColumns.ShouldBe(["title", "price", "stock", "inStock", "cover", "rating", "category", "upc", "published", "updated", "grams", "description", "priceHtml", "tags", "reviews", "featured", "url"]);
        cells[1].ShouldBe("51.77");
        cells[3].ShouldBe("true");
        cells[5].ShouldBe("Three");
        cells[7].ShouldBe("1234567890");
        cells[8].ShouldBe("2021-03-03T00:00:00.0000000");
        cells[13].ShouldBe("[\"poetry\",\"classic verse\",\"\"]");
        cells[14]!.ShouldStartWith("[{\"author\":\"Ada\"");
        cells[15]!.ShouldStartWith("{\"author\":\"Grace Hopper\"");
    }

    [Fact]
    public void Several_item_types_give_a_union_matched_without_casts()
    {
        var novel = NovelPage.Parse("<h1>Dune</h1><a class=author href='/authors/herbert'>Frank</a>", new Uri("http://127.0.0.1:5080/library/dune"));
        var author = AuthorPage.Parse("<h1>Frank Herbert</h1><span class=novels>23</span>", new Uri("http://127.0.0.1:5080/authors/herbert"));
        LibraryScraper.Item[] items = [new LibraryScraper.Item.NovelPage(novel), new LibraryScraper.Item.AuthorPage(author)];

        var described = items.Select(i => i.Match(a => "author " + a.Name + " (" + a.Novels + ")", n => "novel " + n.Title + " by " + n.Author?.Url)).ToList();
        var seen = new List<string>();
        foreach (var item in items)
        {
            item.Switch(a => seen.Add(a.Name), n => seen.Add(n.Title));
        }

        described.ShouldBe(["novel Dune by http://127.0.0.1:5080/authors/herbert", "author Frank Herbert (23)"]);
        seen.ShouldBe(["Dune", "Frank Herbert"]);
        LibraryScraper.Plan.Pages.Select(p => p.Name).ShouldBe(["LibraryHome", "AuthorPage", "NovelPage"]);
        LibraryScraper.Plan.Format.CsvColumns.ShouldBeEmpty();
        Json(writer => LibraryScraper.Plan.Format.WriteJson(writer, items[1])).ShouldBe("{\"$type\":\"AuthorPage\",\"name\":\"Frank Herbert\",\"novel_count\":23}");
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
