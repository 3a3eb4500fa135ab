using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.DemoSites;

public sealed class BookCatalogTests
{
    [Fact]
    public void The_same_seed_gives_the_same_books_and_another_seed_other_books()
    {
        var a = new BookCatalog(new BookstoreSiteOptions { BookCount = 200, Seed = 1 });
        var b = new BookCatalog(new BookstoreSiteOptions { BookCount = 200, Seed = 1 });
        var c = new BookCatalog(new BookstoreSiteOptions { BookCount = 200, Seed = 2 });

        b.Books.Select(Describe).ShouldBe(a.Books.Select(Describe));
        c.Books.Select(Describe).ShouldNotBe(a.Books.Select(Describe));
    }

    [Fact]
    public void Book_urls_are_unique_and_ascii()
    {
        var catalog = new BookCatalog(new BookstoreSiteOptions { BookCount = 2000 });

        catalog.Books.Select(b => b.Path).Distinct().Count().ShouldBe(2000);
        catalog.Books.ShouldAllBe(b => b.Path.All(ch => ch < 128));
        catalog.ListingPages.ShouldBe(100);
    }

    [Theory]
    [InlineData("/catalogue/page-2.html", "/catalogue/x_1/index.html", "x_1/index.html")]
    [InlineData("/catalogue/x_1/index.html", "/media/cache/ab/cd/e.jpg", "../../media/cache/ab/cd/e.jpg")]
    [InlineData("/catalogue/category/books/art_13/index.html", "/catalogue/x_1/index.html", "../../../x_1/index.html")]
    [InlineData("/index.html", "/catalogue/page-1.html", "catalogue/page-1.html")]
    [InlineData("/docs/api/a.html", "/docs/api/b.html", "b.html")]
    public void Relative_urls_resolve_back_to_their_target(string from, string to, string expected)
    {
        var relative = RelativeUrl.Between(from, to);

        relative.ShouldBe(expected);
        new Uri(new Uri("http://h" + from), relative).AbsolutePath.ShouldBe(to);
    }

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("gzip, deflate, br", true)]
    [InlineData("br;q=1.0, GZIP;q=0.5", true)]
    [InlineData("*", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("deflate", false)]
    [InlineData(null, false)]
    public void Accept_encoding_is_read_with_its_quality(string? header, bool gzip) => AcceptEncoding.AcceptsGzip(header).ShouldBe(gzip);

    private static string Describe(CatalogBook b) => $"{b.Title}|{b.PriceCents}|{b.Stock}|{b.Stars}|{b.Upc}|{b.Category}|{b.Reviews.Count}";
}
