namespace DeclarativeScrape.Examples.SharedEngine;

/// <summary>
/// A second, different scraper of the bookstore: from the home page into every category, page by page, reading the
/// price and rating of each book from the listings (it never opens a book's page). Its start URL is a placeholder
/// replaced at run time.
/// </summary>
[Scraper(StartUrl = "http://localhost:5080/index.html", StartPage = typeof(StoreFront))]
[AllowedHosts("localhost")]
[Concurrency(Max = 8, PerHost = 4)]
[Retry(MaxAttempts = 4, BaseDelayMs = 200)]
[Timeouts(RequestSeconds = 15, ReadIdleSeconds = 5)]
public static partial class CategoryPriceScraper;
