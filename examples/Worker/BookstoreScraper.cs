namespace DeclarativeScrape.Examples.Worker;

/// <summary>
/// The demo bookstore's catalogue and books. Every value here is a default: appsettings.json, environment variables
/// (<c>DeclarativeScrape__Scrapers__BookstoreScraper__Limits__MaxPages=10</c>) and the command line
/// (<c>--DeclarativeScrape:Scrapers:BookstoreScraper:StartUrls:0=http://127.0.0.1:5080/</c>) override them.
/// </summary>
[Scraper(StartUrl = "http://127.0.0.1:5080/catalogue/page-1.html", StartPage = typeof(CataloguePage))]
[Concurrency(Max = 16, PerHost = 8)]
[RateLimit(RequestsPerSecond = 200, Burst = 20)]
public static partial class BookstoreScraper;
