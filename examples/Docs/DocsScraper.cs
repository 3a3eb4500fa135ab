namespace DeclarativeScrape.Examples.Docs;

/// <summary>
/// Crawls a documentation site by following every link of every page (<see cref="DocPage"/>'s <c>[FollowLinks]</c>),
/// inside <c>/docs/</c>. Links to other hosts and outside the path are out of scope and never requested; links
/// robots.txt disallows are never requested either; a file that is not HTML is recorded as skipped with its content
/// type; broken links are fetched once and recorded as 404 failures. It names no start URL: <c>--url</c> gives it (and
/// the host it may visit), or, without one, the embedded demo site's.
/// </summary>
[Scraper(StartPage = typeof(DocPage))]
[Scope(PathPrefix = "/docs/")]
[Concurrency(Max = 8, PerHost = 4)]
[RateLimit(RequestsPerSecond = 100, Burst = 10)]
[Retry(MaxAttempts = 3, BaseDelayMs = 200)]
[Timeouts(RequestSeconds = 10, ReadIdleSeconds = 5)]
public static partial class DocsScraper;
