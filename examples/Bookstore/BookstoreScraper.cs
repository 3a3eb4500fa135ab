namespace DeclarativeScrape.Examples.Bookstore;

/// <summary>
/// The crawl: where it starts, which hosts it may visit, how hard it may push and how it recovers. The start URL and
/// allowed hosts are placeholders that the command line (<c>--url</c>) or the embedded demo site replace. The crawl goes
/// from the all-books listing into the categories, and from each category's listing to its books.
/// </summary>
[Scraper(StartUrl = "http://localhost:5080/catalogue/page-1.html", StartPage = typeof(CataloguePage))]
[AllowedHosts("localhost")]
[Concurrency(Max = 16, PerHost = 8)]                     // at most 8 requests in flight to one host
[RateLimit(RequestsPerSecond = 200, Burst = 20)]         // per host: a token bucket
[Retry(MaxAttempts = 4, BaseDelayMs = 200)]              // exponential backoff with jitter, honours Retry-After
[Timeouts(RequestSeconds = 15, ReadIdleSeconds = 5)]
public static partial class BookstoreScraper;
