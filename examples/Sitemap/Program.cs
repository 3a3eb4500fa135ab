using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Sitemap;
using DeclarativeScrape.Hosting;

// With no --url: starts the demo bookstore on 127.0.0.1 and reads its sitemaps. Try --modified-since 2024-10-01.
return await ScrapeApp.RunAsync(SitemapScraper.Plan, args, (port, ct) => BookstoreSite.StartAsync(new() { Port = port }, ct));
