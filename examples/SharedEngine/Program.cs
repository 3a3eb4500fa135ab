using DeclarativeScrape;
using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Bookstore;
using DeclarativeScrape.Examples.SharedEngine;

// Two different scrapers crawl one site at the same time on ONE engine. They share its connection pool and the
// site's per-host limit: together they never have more than PerHost requests in flight there.
const int PerHost = 4;

if (!SharedEngineArguments.TryParse(args, out var arguments, out var error))
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(SharedEngineArguments.Usage);
    return 2;
}

// Without --url, a demo bookstore in this process. Its 25 ms latency, like a remote site's, keeps more requests waiting
// than the host allows, so the shared limit is what holds them back.
await using var embedded = arguments.Site is null
    ? await BookstoreSite.StartAsync(new() { BookCount = 500, Latency = TimeSpan.FromMilliseconds(25) })
    : null;
var site = arguments.Site ?? embedded!.BaseUrl;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

await using var engine = new ScrapeEngine();
var books = SharedSite.Options(BookstoreScraper.CreateOptions(), engine, new Uri(site, "catalogue/page-1.html"), PerHost, arguments.OutputFile("books.jsonl"));
var categories = SharedSite.Options(CategoryPriceScraper.CreateOptions(), engine, new Uri(site, "index.html"), PerHost, arguments.OutputFile("categories.jsonl"));

Console.WriteLine($"Crawling {site} with two scrapers on one engine, at most {PerHost} requests in flight to the host...");
var bookRun = BookstoreScraper.ScrapeAsync(books, stop.Token);                  // items go to the file only
await using var categoryRun = CategoryPriceScraper.Start(categories, stop.Token); // items stream to this code
var prices = new CategoryPrices();
await foreach (var page in categoryRun.ReadItemsAsync())
{
    prices.Add(page);
}

ScrapeSummary[] summaries = [await bookRun, await categoryRun.Completion];
foreach (var summary in summaries)
{
    Console.WriteLine(SummaryLine.Of(summary));
}

Console.WriteLine("Dearest categories:");
foreach (var line in prices.DearestLines(5))
{
    Console.WriteLine(line);
}

if (embedded is not null)
{
    Console.WriteLine($"Peak requests in flight at {site.Authority}: {embedded.Traffic.PeakInFlight} (per-host limit {PerHost}, shared by both scrapers)");
}

return summaries.All(s => s.Completed) ? 0 : stop.IsCancellationRequested ? 130 : 1;
