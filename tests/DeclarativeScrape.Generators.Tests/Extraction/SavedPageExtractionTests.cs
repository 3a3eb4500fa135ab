using DeclarativeScrape.Generators.Tests.Infrastructure;
using DeclarativeScrape.Generators.Tests.Scrapers;

namespace DeclarativeScrape.Generators.Tests.Extraction;

/// <summary>Generated extractors (built by the real generator into this project) run on saved pages, in several cultures.</summary>
public sealed class SavedPageExtractionTests
{
    [Theory]
    [MemberData(nameof(CultureScope.Cultures), MemberType = typeof(CultureScope))]
    public void Every_field_of_the_book_page_is_extracted_and_converted(string culture)
    {
        using var scope = new CultureScope(culture);

        var book = BookPage.Parse(SavedPages.Read("book.html"), SavedPages.BookUrl);

        book.Title.ShouldBe("A Light in the Attic");
        book.Price.ShouldBe(51.77m);
        book.Stock.ShouldBe(22);
        book.InStock.ShouldBeTrue();
        book.Cover.ShouldBe(new Uri("http://127.0.0.1:5080/media/cache/fe/72/fe72f0532301ec28892ae79a629a293c.jpg"), "resolved against <base href>");
        book.Rating.ShouldBe(Rating.Three);
        book.Category.ShouldBe("Poetry");
        book.Upc.ShouldBe(1_234_567_890L);
        book.Published.ShouldBe(new DateTime(2021, 3, 3));
        book.Updated.ShouldBe(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        book.Grams.ShouldBe(1200);
        book.Description.ShouldBe("It's hard to imagine a world without <em>A Light in the Attic</em>.");
        book.PriceHtml.ShouldBe("<p class=\"price_color\">£51.77</p>");
        book.Tags.ShouldBe(["poetry", "classic verse", ""]);
        book.Url.ShouldBe(SavedPages.BookUrl);
        book.Reviews.Count.ShouldBe(2);
        book.Reviews[0].ShouldBe(new Review { Author = "Ada", Date = new DateTime(2024, 5, 1), Stars = 4.5, Verified = true });
        book.Reviews[1].ShouldBe(new Review { Author = "Grace Hopper", Date = new DateTime(2023, 12, 24, 18, 30, 0, DateTimeKind.Utc), Stars = null, Verified = false });
        book.Featured.ShouldBe(book.Reviews[1]);
    }

    [Fact]
    public void Missing_and_unconvertible_required_values_are_failures_naming_url_property_and_selector()
    {
        var exception = Should.Throw<ExtractionException>(() => BookPage.Parse(SavedPages.Read("book-broken.html"), SavedPages.BookUrl));

        var failures = exception.Failures.Select(f => (f.Url, f.Property, f.Selector, f.Message)).ToList();
        failures.ShouldBe(
        [
            (SavedPages.BookUrl, "Title", "div.product_main h1", "no element matched"),
            (SavedPages.BookUrl, "Price", "div.product_main p.price_color", "'abc' is not a decimal"),
            (SavedPages.BookUrl, "Stock", "p.availability", "'Out of stock' does not match the pattern"),
            (SavedPages.BookUrl, "InStock", "p.availability", "'maybe' is not a boolean (true/false, yes/no, 1/0)"),
            (SavedPages.BookUrl, "Rating", "p.star-rating", "'Eleven' is not a Rating name"),
            (SavedPages.BookUrl, "Upc", "table tr:nth-child(1) td", "'n/a' is not an integer"),
            (SavedPages.BookUrl, "Published", "span.published", "'2021-03-03' is not a date in the format 'd MMMM yyyy'"),
            (SavedPages.BookUrl, "Grams", "span.weight", "converter Units.Grams threw FormatException on 'heavy': The input string 'heavy' was not in a correct format."),
            (SavedPages.BookUrl, "Reviews[1].Author", "span.author", "no element matched"),
            (SavedPages.BookUrl, "Reviews[1].Date", "time", "'yesterday' is not a date"),
        ]);
        exception.Message.ShouldContain("Reviews[1].Author (selector 'span.author'): no element matched");
    }

    [Fact]
    public void Extract_returns_null_and_records_failures_without_throwing()
    {
        using var document = ExtractionDocument.ParseHtml(SavedPages.Read("book-broken.html"));
        var context = ExtractionDocument.CreateContext(document, SavedPages.BookUrl);

        BookPage.Extract(document, context).ShouldBeNull();

        context.Failures.Count.ShouldBe(10);
    }

    [Fact]
    public void Links_are_recorded_for_every_matched_element_even_when_the_page_fails()
    {
        using var document = ExtractionDocument.ParseHtml(SavedPages.Read("catalogue-broken.html"));
        var context = ExtractionDocument.CreateContext(document, SavedPages.CatalogueUrl);

        CataloguePage.Extract(document, context).ShouldBeNull();

        context.Failures.ShouldHaveSingleItem().Property.ShouldBe("Heading");
        context.Links.Select(l => (l.PageType, l.Property, l.Url?.ToString())).ShouldBe(
        [
            (typeof(CataloguePage), "Next", "http://127.0.0.1:5080/catalogue/page-2.html"),
            (typeof(BookPage), "Books", "http://127.0.0.1:5080/catalogue/a-light-in-the-attic_1000/index.html"),
            (typeof(BookPage), "Books", "http://127.0.0.1:5080/catalogue/tipping-the-velvet_999/index.html"),
            (typeof(BookPage), "Books", null),
        ]);
        context.Links[3].Href.ShouldBe("mailto:shop@example.com");
    }

    [Fact]
    public void A_listing_page_gives_its_links_and_lists()
    {
        var page = CataloguePage.Parse(SavedPages.Read("catalogue.html"), SavedPages.CatalogueUrl);

        page.Heading.ShouldBe("All products");
        page.Next.ShouldBe(new Link<CataloguePage>(new Uri("http://127.0.0.1:5080/catalogue/page-2.html")));
        page.Books.Select(b => b.Url.ToString()).ShouldBe(
        [
            "http://127.0.0.1:5080/catalogue/a-light-in-the-attic_1000/index.html",
            "http://127.0.0.1:5080/catalogue/tipping-the-velvet_999/index.html",
        ]);
        page.Prices.ShouldBe([51.77m, 53.74m, 1002.00m]);
    }
}
