using System.Globalization;
using System.Text.Json;
using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary><c>examples/Bookstore</c> run as a process, as a user runs it, against a demo bookstore started here.</summary>
[Collection(ExampleProcesses.Name)]
public sealed class BookstoreExampleTests : IDisposable
{
    /// <summary>The scraper's <c>[Concurrency(PerHost = 8)]</c>.</summary>
    private const int PerHost = 8;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task It_crawls_the_site_given_by_url_and_writes_every_book_once_with_every_field()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 300, Latency = TimeSpan.FromMilliseconds(5) });
        var output = _temp.File("books.jsonl");

        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", site.StartUrl.AbsoluteUri, "--out", output);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        GroundTruth.ShouldBeEveryBook(JsonLines.ReadComplete(output), site);
        var result = RunResult.Of(child);
        (result.Completed, result.Stop, result.ExitCode, result.Reconciles).ShouldBe((true, "done", 0, true));
        result.Items.ShouldBe(300);
        result.Processed.ShouldBe(300 + 1 + site.Categories.Sum(c => c.ListingPageCount), "every book, the start listing and every page of every category");
        result.Failed.ShouldBe(0);
        result.Skipped.ShouldBe(result.Skips("Duplicate"), "the sidebar and the pager link pages already queued: duplicates are the only skips");
        child.Error.ShouldContain(l => l.StartsWith("BookstoreScraper finished in", StringComparison.Ordinal), child.Transcript());
        child.Error.ShouldContain($"  items      300 → {output}");

        foreach (var book in site.Books)
        {
            site.Traffic.HitsOf(book.Url.AbsolutePath).ShouldBe(1, $"{book.Url} is fetched once");
        }

        foreach (var category in site.Categories)
        {
            site.Traffic.HitsOf(category.Url.AbsolutePath).ShouldBe(1, $"{category.Url} is fetched once");
        }

        site.Traffic.HitsOf(site.ListingUrl(2).AbsolutePath).ShouldBe(0, "the all-books listing is only the way in: its pages and books are not followed");
        site.Traffic.HitsOf("/robots.txt").ShouldBe(1);
        site.Traffic.HitsOf("/basket/").ShouldBe(0);
        site.Traffic.PeakInFlight.ShouldBeInRange(1, PerHost);
    }

    [Fact]
    public async Task Without_a_url_it_starts_the_embedded_demo_site_and_writes_items_to_redirected_standard_output()
    {
        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--max-pages", "40");
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        var started = child.Error.Single(l => l.StartsWith("No --url given: started the demo site at ", StringComparison.Ordinal));
        var embedded = new Uri(started["No --url given: started the demo site at ".Length..].Split(' ')[0]);
        embedded.Host.ShouldBe("127.0.0.1");
        var result = RunResult.Of(child);
        (result.Completed, result.ExitCode, result.Reconciles).ShouldBe((true, 0, true));
        result.Skips("MaxPages").ShouldBeGreaterThan(0);
        var items = JsonLines.Parse(child.Output);
        items.Count.ShouldBe((int)result.Items);
        items.Count.ShouldBeGreaterThan(10);
        items.ShouldAllBe(item => item.GetProperty("url").GetString()!.StartsWith(embedded.AbsoluteUri + "catalogue/", StringComparison.Ordinal));
        items.Select(i => i.GetProperty("url").GetString()).Distinct().Count().ShouldBe(items.Count);
        items.ShouldAllBe(item => !string.IsNullOrEmpty(item.GetProperty("category").GetString()), "each book has the category its listing carried");
    }

    [Fact]
    public async Task A_small_max_pages_yields_books_first_and_a_json_file_is_one_array_that_a_json_reader_loads()
    {
        // --max-pages counts admitted URLs. The start listing links one page: the first category of its sidebar. That
        // category's first page links the other 19 categories, its next pages, then its books (up to 20). First in,
        // first out, the 8 URLs left were all categories. Items first, its books are admitted before the listings: the
        // start listing, the category and 8 of its books, each with the category its listing carried.
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 300 });
        var category = site.Categories[0];
        category.BookIds.Count.ShouldBeGreaterThanOrEqualTo(8, "the seed gives the first category at least 8 books");
        var output = _temp.File("books.json");
        var state = _temp.File("state");

        await using (var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", site.StartUrl.AbsoluteUri, "--max-pages", "10", "--out", output))
        {
            (await child.WaitForExitAsync()).ShouldBe(0, child.Transcript());
            var books = ReadArray(output);
            books.Count.ShouldBe(8, "the start listing, its first category and 8 of that category's books");
            GroundTruth.ShouldBeBooks(books, site.Books, all: false);
            books.ShouldAllBe(b => b.GetProperty("category").GetString() == category.Name);
            books.Select(b => b.GetProperty("url").GetString()).ShouldBeSubsetOf(category.BookIds.Select(id => site.Books[id - 1].Url.AbsoluteUri));
            RunResult.Of(child).Items.ShouldBe(8);
        }

        // The same with a state directory (its queue on disk), and a second run that resumes it: the array stays one array.
        await using (var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", site.StartUrl.AbsoluteUri, "--max-pages", "10", "--state", state, "--out", output))
        {
            (await child.WaitForExitAsync()).ShouldBe(0, child.Transcript());
            ReadArray(output).Count.ShouldBe(8);
        }

        await using (var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", site.StartUrl.AbsoluteUri, "--max-pages", "10", "--state", state, "--out", output))
        {
            (await child.WaitForExitAsync()).ShouldBe(0, child.Transcript());
            var books = ReadArray(output);
            books.Count.ShouldBe(8, "nothing left to fetch: the run closes the array it reopened, with the same books");
            GroundTruth.ShouldBeBooks(books, site.Books, all: false);
        }

        // Breadth first: the category's links in the order found, the 8 left are other categories.
        await using (var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", site.StartUrl.AbsoluteUri, "--max-pages", "10", "--order", "breadth-first", "--out", output))
        {
            (await child.WaitForExitAsync()).ShouldBe(0, child.Transcript());
            ReadArray(output).ShouldBeEmpty();
            (await File.ReadAllTextAsync(output)).ShouldBe("[]\n");
        }

        static IReadOnlyList<JsonElement> ReadArray(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            document.RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
            return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
        }
    }

    [Fact]
    public async Task Csv_output_has_the_header_and_one_row_per_book_and_the_concurrency_option_caps_the_requests_in_flight()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 120, Latency = TimeSpan.FromMilliseconds(10) });
        var output = _temp.File("books.csv");

        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", site.StartUrl.AbsoluteUri, "--out", output, "--concurrency", "3", "--rate", "0");
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(0, child.Transcript());
        var rows = Csv.Read(await File.ReadAllTextAsync(output));
        rows[0].ShouldBe(["title", "price", "availability", "upc", "cover", "rating", "category", "reviews", "url"]);
        var books = site.Books.ToDictionary(b => b.Url.AbsoluteUri);
        rows.Count.ShouldBe(1 + books.Count);
        foreach (var row in rows.Skip(1))
        {
            row.Count.ShouldBe(9);
            var book = books[row[8]];
            books.Remove(row[8]);
            row[0].ShouldBe(book.Title);
            decimal.Parse(row[1], CultureInfo.InvariantCulture).ShouldBe(book.Price);
            (row[2], row[3], row[4], row[5], row[6]).ShouldBe((book.Availability, book.Upc, book.Cover.AbsoluteUri, book.Rating, book.Category));
            JsonDocument.Parse(row[7]).RootElement.GetArrayLength().ShouldBe(book.Reviews.Count);
        }

        books.ShouldBeEmpty("every book has a row");
        site.Traffic.PeakInFlight.ShouldBeInRange(2, 3, "--concurrency 3 keeps at most 3 requests in flight (and the crawl does use more than one)");
    }

    [Theory]
    [InlineData("--max-pages", "ten", "error: --max-pages: 'ten' is not a whole number.")]
    [InlineData("--out", "books.txt", "error: --out: 'books.txt' has no known extension")]
    [InlineData("--per-host", "32", "(from --per-host)")]
    public async Task A_bad_argument_exits_with_code_2_naming_it_before_anything_is_fetched(string option, string value, string message)
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 20 });

        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", site.StartUrl.AbsoluteUri, "--concurrency", "4", option, value);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(2, child.Transcript());
        child.Error.ShouldContain(l => l.Contains(message, StringComparison.Ordinal), child.Transcript());
        site.Traffic.Requests.ShouldBe(0);
    }

    [Fact]
    public async Task The_first_ctrl_c_sends_nothing_more_and_lets_the_slow_requests_in_flight_finish()
    {
        // Pages take two seconds: at the signal several book pages are in flight, and each of them must still be written.
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 200, Latency = TimeSpan.FromSeconds(2) });
        var output = _temp.File("slow.jsonl");
        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", site.StartUrl.AbsoluteUri, "--out", output, "--no-robots");

        // The start listing leads to its first category, whose books go before its listings; by the 20th request books are in flight.
        await site.Traffic.WhenRequests(20).WaitAsync(ChildProcess.DefaultTimeout);
        child.Signal(ChildProcess.SigInt);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(130, child.Transcript());
        child.Error.ShouldContain(l => l.StartsWith("Ctrl+C: stopping. No new requests; the requests in flight may finish for up to 10 s", StringComparison.Ordinal), child.Transcript());
        var bookRequests = site.Books.Sum(b => site.Traffic.HitsOf(b.Url.AbsolutePath));
        bookRequests.ShouldBeGreaterThan(0, child.Transcript());
        var items = JsonLines.ReadComplete(output);
        items.Count.ShouldBe(bookRequests, $"every book page requested before the stop was answered and written: {child.Transcript()}");
        var result = RunResult.Of(child);
        (result.Stop, result.Completed, result.Reconciles).ShouldBe(("sigint", false, true));
        result.Skips("Cancelled").ShouldBeGreaterThan(0, "URLs still queued are recorded as cancelled");
    }

    [Fact]
    public async Task A_second_ctrl_c_cancels_the_requests_in_flight_and_the_summary_still_prints()
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 200, Latency = TimeSpan.FromMinutes(10) });
        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", site.StartUrl.AbsoluteUri, "--out", _temp.File("never.jsonl"), "--no-robots", "--drain-timeout", "600");
        var exited = child.WaitForExitAsync(TimeSpan.FromMinutes(2));

        await site.Traffic.WhenRequests(1).WaitAsync(ChildProcess.DefaultTimeout);
        child.Signal(ChildProcess.SigInt);
        await child.WaitForErrorLineAsync(l => l.StartsWith("Ctrl+C: stopping.", StringComparison.Ordinal), ChildProcess.DefaultTimeout);
        (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(2)))).ShouldNotBe(exited, $"the first Ctrl+C waits for the request in flight: {child.Transcript()}");
        child.Signal(ChildProcess.SigInt);

        (await exited).ShouldBe(130, child.Transcript());
        child.Error.ShouldContain(l => l.StartsWith("Ctrl+C again: cancelling the requests in flight", StringComparison.Ordinal), child.Transcript());
        var result = RunResult.Of(child);
        (result.Stop, result.Items, result.Reconciles).ShouldBe(("sigint", 0L, true));
        result.Skips("Cancelled").ShouldBe(1, "the start page, cancelled in flight");
    }

    [Theory]
    [InlineData(ChildProcess.SigInt, 130, "sigint", "BookstoreScraper stopped by Ctrl+C after")]
    [InlineData(ChildProcess.SigTerm, 143, "sigterm", "BookstoreScraper stopped by SIGTERM after")]
    public async Task A_signal_mid_crawl_drains_prints_the_summary_and_leaves_a_complete_output_file(int signal, int expectedExitCode, string stop, string summary)
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 400, Latency = TimeSpan.FromMilliseconds(20) });
        var output = _temp.File("books.jsonl");
        await using var child = ChildProcess.Start(Example.Bookstore, _temp.Path, "--url", site.StartUrl.AbsoluteUri, "--out", output);

        await site.Traffic.WhenRequests(40).WaitAsync(ChildProcess.DefaultTimeout);
        child.Signal(signal);
        var exitCode = await child.WaitForExitAsync();

        exitCode.ShouldBe(expectedExitCode, child.Transcript());
        child.Error.ShouldContain(l => l.StartsWith(summary, StringComparison.Ordinal), child.Transcript());
        var result = RunResult.Of(child);
        (result.Stop, result.Completed, result.ExitCode, result.Reconciles).ShouldBe((stop, false, expectedExitCode, true));
        result.Skips("Cancelled").ShouldBeGreaterThan(0, "URLs still queued are recorded as cancelled");
        var items = JsonLines.ReadComplete(output);
        items.Count.ShouldBe((int)result.Items, "every item the run counted is in the file");
        items.Count.ShouldBeLessThan(site.Books.Count);
        GroundTruth.ShouldBeBooks(items, site.Books, all: false);
    }
}
