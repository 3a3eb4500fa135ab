using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Bookstore;
using DeclarativeScrape.Hosting;
using DeclarativeScrape.PostgreSql;

// With no --url: starts the demo bookstore on 127.0.0.1 (answering after 20 ms, like a remote site) and crawls it; on a
// free port, or with --state DIR resumed, on the port the crawl in DIR used.
// With --url: crawls that site instead. --state postgresql://… makes this process one worker of a crawl shared in PostgreSQL.
return await ScrapeApp.RunAsync(
    BookstoreScraper.Plan,
    args,
    (port, ct) => BookstoreSite.StartAsync(new() { Port = port, Latency = TimeSpan.FromMilliseconds(20) }, ct),
    options => options.UsePostgreSql());
