using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Bookstore;
using DeclarativeScrape.Hosting;

// With no --url: starts the demo bookstore on 127.0.0.1 and crawls it. With --url: crawls that site instead.
return await ScrapeApp.RunAsync(BookstoreScraper.Plan, args, ct => BookstoreSite.StartAsync(null, ct));
