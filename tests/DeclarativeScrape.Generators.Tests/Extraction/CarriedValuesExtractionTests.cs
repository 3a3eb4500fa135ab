using DeclarativeScrape.Generators.Tests.Scrapers;

namespace DeclarativeScrape.Generators.Tests.Extraction;

/// <summary>Values a page carries to the pages it links to, through extractors the real generator built.</summary>
public sealed class CarriedValuesExtractionTests
{
    private static readonly Uri ListingUrl = new("http://127.0.0.1/c/poetry");

    [Fact]
    public void A_listing_attaches_its_values_to_the_links_that_carry_them_and_only_to_those()
    {
        var context = new ExtractionContext(ListingUrl);
        var document = ExtractionDocument.ParseHtml("<h1>Poetry</h1><p class=rank>3</p><a class=book href='/b/1'>1</a><a class=book href='/b/2'>2</a><a class=next href='?page=2'>next</a>");

        var listing = CarryListing.Extract(document, context).ShouldNotBeNull();

        listing.Category.ShouldBe("Poetry");
        var books = context.Links.Where(l => l.Property == "Books").ToList();
        books.Count.ShouldBe(2);
        books.ShouldAllBe(l => l.Carried != null);
        books[0].Carried!.TryGet("Category", out var category).ShouldBeTrue();
        category.ShouldBe("Poetry");
        books[0].Carried!.TryGet("Rank", out var rank).ShouldBeTrue();
        rank.ShouldBe("3");
        context.Links.Single(l => l.Property == "Next").Carried.ShouldBeNull("Next carries nothing");
    }

    [Fact]
    public void A_failed_listing_carries_nothing_but_its_links_are_still_followed()
    {
        var context = new ExtractionContext(ListingUrl);
        var document = ExtractionDocument.ParseHtml("<p class=rank>3</p><a class=book href='/b/1'>1</a>");

        CarryListing.Extract(document, context).ShouldBeNull();

        context.Links.ShouldHaveSingleItem().Carried.ShouldBeNull();
    }

    [Fact]
    public void A_page_reads_carried_values_converted_as_if_extracted_and_a_missing_required_one_is_a_failure()
    {
        var document = ExtractionDocument.ParseHtml("<h1>Dune</h1>");
        var context = new ExtractionContext(new Uri("http://127.0.0.1/b/1")) { Carried = CarriedValues.Create(["Category", "Rank"], ["Poetry", "3"]) };

        var book = CarryBook.Extract(document, context).ShouldNotBeNull();

        (book.Category, book.Rank).ShouldBe(("Poetry", 3));

        var bare = new ExtractionContext(new Uri("http://127.0.0.1/b/1"));
        CarryBook.Extract(document, bare).ShouldBeNull();
        var failure = bare.Failures.ShouldHaveSingleItem();
        (failure.Property, failure.Selector, failure.Message).ShouldBe(("Category", (string?)null, ExtractionMessages.NotCarried));

        var wrong = new ExtractionContext(new Uri("http://127.0.0.1/b/1")) { Carried = CarriedValues.Create(["Category", "Rank"], ["Poetry", "third"]) };
        CarryBook.Extract(document, wrong).ShouldNotBeNull().Rank.ShouldBeNull("an optional value that does not convert is absent");
    }
}
