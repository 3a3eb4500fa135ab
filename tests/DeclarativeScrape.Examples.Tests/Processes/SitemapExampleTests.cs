using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary><c>examples/Sitemap</c> run as a process against a demo bookstore started here: a crawl seeded from its sitemaps.</summary>
[Collection(ExampleProcesses.Name)]
public sealed class SitemapExampleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task It_reads_robots_the_index_and_the_gzip_sitemap_and_writes_every_book_with_its_lastmod()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 400 });
        var output = _temp.File("books.jsonl");

        await using var child = ChildProcess.Start(Example.Sitemap, _temp.Path, "--url", site.StartUrl.GetLeftPart(UriPartial.Authority) + "/", "--out", output);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        ShouldBeBooksWithTheirDates(JsonLines.ReadComplete(output), site.Books);
        var result = RunResult.Of(child);
        (result.Completed, result.Reconciles, result.Failed).ShouldBe((true, true, 0L));
        site.Traffic.HitsOf("/sitemap.xml").ShouldBe(1);
        site.Traffic.HitsOf("/sitemap-books.xml.gz").ShouldBe(1);
        site.Traffic.HitsOf("/sitemap-pages.xml").ShouldBe(1);
        site.Categories.ShouldAllBe(c => site.Traffic.HitsOf(c.Url.AbsolutePath) == 0, "the rule leaves the listings of the pages' sitemap out");
        site.Books.ShouldAllBe(b => site.Traffic.HitsOf(b.Url.AbsolutePath) == 1);
    }

    [Fact]
    public async Task Modified_since_keeps_the_books_changed_since_that_day()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 300 });
        var output = _temp.File("recent.jsonl");
        var since = new DateOnly(2024, 10, 1);

        await using var child = ChildProcess.Start(Example.Sitemap, _temp.Path, "--url", site.StartUrl.GetLeftPart(UriPartial.Authority) + "/", "--modified-since", "2024-10-01", "--out", output);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        var recent = site.Books.Where(b => b.LastModified >= since).ToList();
        recent.Count.ShouldBeInRange(1, site.Books.Count - 1);
        ShouldBeBooksWithTheirDates(JsonLines.ReadComplete(output), recent);
        site.Books.Where(b => b.LastModified < since).ShouldAllBe(b => site.Traffic.HitsOf(b.Url.AbsolutePath) == 0);
    }

    private static void ShouldBeBooksWithTheirDates(IReadOnlyList<System.Text.Json.JsonElement> items, IReadOnlyList<Book> books)
    {
        items.Select(i => i.GetProperty("url").GetString()).ShouldBe(books.Select(b => b.Url.AbsoluteUri), ignoreOrder: true);
        foreach (var item in items)
        {
            var book = books.Single(b => b.Url.AbsoluteUri == item.GetProperty("url").GetString());
            item.GetProperty("title").GetString().ShouldBe(book.Title);
            item.GetProperty("price").GetDecimal().ShouldBe(book.Price);
            DateOnly.FromDateTime(item.GetProperty("lastModified").GetDateTimeOffset().UtcDateTime).ShouldBe(book.LastModified);
        }
    }
}
