using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary><c>examples/Wishlist</c> run as a process against a demo bookstore started here: a page behind a login.</summary>
[Collection(ExampleProcesses.Name)]
public sealed class WishlistExampleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task It_logs_in_and_writes_every_book_of_the_wishlist_once()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 600 });
        var output = _temp.File("wishlist.jsonl");

        await using var child = ChildProcess.Start(Example.Wishlist, _temp.Path, "--url", site.WishlistUrl.AbsoluteUri, "--out", output);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        var items = JsonLines.ReadComplete(output);
        items.Select(i => i.GetProperty("url").GetString()).ShouldBe(site.Wishlist.Select(b => b.Url.AbsoluteUri), ignoreOrder: true);
        foreach (var item in items)
        {
            var book = site.Wishlist.Single(b => b.Url.AbsoluteUri == item.GetProperty("url").GetString());
            item.GetProperty("title").GetString().ShouldBe(book.Title);
            item.GetProperty("price").GetDecimal().ShouldBe(book.Price);
        }

        site.Wishlist.Count.ShouldBe(7);
        site.Traffic.HitsOf("/accounts/login/").ShouldBe(2, "the form, then the form submitted");
        site.Traffic.HitsOf("/accounts/wishlist/").ShouldBe(2, "the login's redirect to it, then the crawl's start URL");
    }

    [Fact]
    public async Task A_wrong_password_stops_the_run_before_its_first_page_with_the_sites_error()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 200 });

        await using var child = ChildProcess.Start(Example.Wishlist, _temp.Path, new Dictionary<string, string?> { ["WISHLIST_PASSWORD"] = "wrong" }, "--url", site.WishlistUrl.AbsoluteUri);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(1, child.Transcript());
        child.Error.ShouldContain(l => l.Contains("matches the failure selector 'ul.errorlist' ('Please enter a correct username and password.')", StringComparison.Ordinal), child.Transcript());
        site.Traffic.HitsOf("/accounts/wishlist/").ShouldBe(0);
    }
}
