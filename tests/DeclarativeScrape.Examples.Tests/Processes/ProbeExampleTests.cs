using System.Text.Json;
using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary>The host's <c>probe</c> command, run as a user runs it (<c>examples/Bookstore probe URL</c>) against a demo bookstore started here.</summary>
[Collection(ExampleProcesses.Name)]
public sealed class ProbeExampleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_book_page_probed_as_its_type_prints_the_item_as_json_fetched_once_after_robots_txt_and_exits_0()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 40 });
        var book = site.Books[7];

        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "probe", book.Url.AbsoluteUri, "--page", "BookPage");
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        using var json = JsonDocument.Parse(string.Join('\n', child.Output));
        var root = json.RootElement;
        root.GetProperty("pageType").GetString().ShouldBe("BookPage");
        root.GetProperty("succeeded").GetBoolean().ShouldBeTrue();
        root.GetProperty("status").GetInt32().ShouldBe(200);
        var value = root.GetProperty("value");
        value.GetProperty("title").GetString().ShouldBe(book.Title);
        value.GetProperty("price").GetDecimal().ShouldBe(book.Price);
        value.GetProperty("upc").GetString().ShouldBe(book.Upc);
        value.GetProperty("url").GetString().ShouldBe(book.Url.AbsoluteUri);
        root.GetProperty("failures").GetArrayLength().ShouldBe(0);
        child.Error.ShouldContain(l => l.StartsWith("BookPage: extracted without failures (an item)", StringComparison.Ordinal), child.Transcript());
        site.Traffic.HitsOf(book.Url.AbsolutePath).ShouldBe(1);
        site.Traffic.HitsOf("/robots.txt").ShouldBe(1);
    }

    [Fact]
    public async Task A_category_page_lists_the_links_of_each_follow_counted_with_the_first_few()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 600 });
        var category = site.Categories.First(c => c.BookIds.Count > 20);

        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "probe", category.Url.AbsoluteUri, "--page", "categorypage");
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        using var json = JsonDocument.Parse(string.Join('\n', child.Output));
        var root = json.RootElement;
        root.GetProperty("pageType").GetString().ShouldBe("CategoryPage");
        root.TryGetProperty("value", out _).ShouldBeFalse("a category page is not an item");
        var links = root.GetProperty("links");
        var books = links.GetProperty("Books");
        books.GetProperty("count").GetInt32().ShouldBe(20);
        var first = books.GetProperty("first").EnumerateArray().Select(e => e.GetString()).ToList();
        first.Count.ShouldBe(5);
        first.ShouldBe(category.BookIds.Take(5).Select(id => site.Books[id - 1].Url.AbsoluteUri));
        links.GetProperty("Categories").GetProperty("count").GetInt32().ShouldBe(site.Categories.Count, "the sidebar: every category");
        links.GetProperty("Next").GetProperty("first")[0].GetString().ShouldBe(new Uri(category.Url, "page-2.html").AbsoluteUri);
        site.Traffic.HitsOf(new Uri(first[0]!).AbsolutePath).ShouldBe(0, "nothing is followed");
    }

    [Fact]
    public async Task A_page_probed_as_the_wrong_type_exits_1_with_every_failure_and_its_selector()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 40 });

        // A book page as the start page type (CataloguePage) extracts (its links are optional); as a BookPage, a
        // listing page fails: its required title, availability and UPC are not there.
        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "probe", site.ListingUrl(1).AbsoluteUri, "--page", "bookpage");
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(1, child.Transcript());
        using var json = JsonDocument.Parse(string.Join('\n', child.Output));
        var failures = json.RootElement.GetProperty("failures").EnumerateArray()
            .Select(f => (f.GetProperty("property").GetString(), f.GetProperty("selector").GetString()))
            .ToList();
        failures.ShouldContain(("Title", "div.product_main h1"));
        failures.ShouldContain(("Upc", "table.table-striped td"));
        json.RootElement.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
        child.Error.ShouldContain(l => l.Contains("Title (selector 'div.product_main h1'): ", StringComparison.Ordinal), child.Transcript());
    }

    [Fact]
    public async Task A_url_robots_txt_disallows_is_not_fetched_and_exits_1_saying_why()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 10 });
        var basket = new Uri(site.StartUrl, "/basket/");

        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "probe", basket.AbsoluteUri);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(1, child.Transcript());
        using var json = JsonDocument.Parse(string.Join('\n', child.Output));
        json.RootElement.GetProperty("problem").GetString()!.ShouldContain("robots.txt");
        site.Traffic.HitsOf("/basket/").ShouldBe(0);
        site.Traffic.HitsOf("/robots.txt").ShouldBe(1);
    }

    [Fact]
    public async Task Save_writes_the_page_and_its_expected_values_and_probing_the_saved_file_gives_the_same_value_without_the_site()
    {
        var samples = _temp.File("samples");
        string savedJson;
        await using (var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 40 }))
        {
            var book = site.Books[3];
            await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "probe", book.Url.AbsoluteUri, "--page", "BookPage", "--save", samples);
            (await child.WaitForExitAsync()).ShouldBe(0, child.Transcript());
            savedJson = string.Join('\n', child.Output);
            child.Error.ShouldContain(l => l.TrimStart().StartsWith("[Sample(\"", StringComparison.Ordinal) && l.Contains(book.Url.AbsoluteUri, StringComparison.Ordinal), child.Transcript());
        }

        var page = Directory.GetFiles(samples, "*.html").ShouldHaveSingleItem();
        var expectedPath = Path.ChangeExtension(page, ".expected.json");
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(expectedPath));
        using var probed = JsonDocument.Parse(savedJson);
        expected.RootElement.GetProperty("url").GetString().ShouldBe(probed.RootElement.GetProperty("url").GetString());
        expected.RootElement.GetProperty("contentType").GetString()!.ShouldStartWith("text/html");
        expected.RootElement.GetProperty("value").GetRawText().ShouldBe(probed.RootElement.GetProperty("value").GetRawText());

        // The site is gone: the saved file is read with the URL and Content-Type of its expected-values file.
        await using var again = ChildProcess.Start(Example.Bookstore, _temp.Path, "probe", page, "--page", "BookPage");
        (await again.WaitForExitAsync()).ShouldBe(0, again.Transcript());
        using var reread = JsonDocument.Parse(string.Join('\n', again.Output));
        reread.RootElement.GetProperty("value").GetRawText().ShouldBe(probed.RootElement.GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task An_unknown_page_type_is_a_usage_error_that_lists_the_page_types()
    {
        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "probe", "http://127.0.0.1:9/x", "--page", "Nope");
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(2, child.Transcript());
        child.Error.ShouldContain(l => l.Contains("'Nope' is not a page type of BookstoreScraper; its page types are CataloguePage, BookPage", StringComparison.Ordinal), child.Transcript());
    }
}
