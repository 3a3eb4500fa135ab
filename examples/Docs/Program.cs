using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Docs;
using DeclarativeScrape.Hosting;

// With no --url: starts the demo documentation site on 127.0.0.1 and crawls it. With --url: crawls that site instead.
return await ScrapeApp.RunAsync(DocsScraper.Plan, args, (port, ct) => DocsSite.StartAsync(new() { Port = port }, ct));
