namespace DeclarativeScrape.Examples.Docs;

/// <summary>
/// Crawls a documentation site by its links: the home page's sections, each section's page list, every page's "next"
/// link and the cross-links in the text. Links to other hosts are out of scope and never requested; links robots.txt
/// disallows are never requested either; broken links are fetched once and recorded as 404 failures.
/// </summary>
[Scraper(StartUrl = "http://localhost:5081/docs/index.html", StartPage = typeof(DocPage))]
[AllowedHosts("localhost")]
[Concurrency(Max = 8, PerHost = 4)]
[RateLimit(RequestsPerSecond = 100, Burst = 10)]
[Retry(MaxAttempts = 3, BaseDelayMs = 200)]
[Timeouts(RequestSeconds = 10, ReadIdleSeconds = 5)]
public static partial class DocsScraper;
