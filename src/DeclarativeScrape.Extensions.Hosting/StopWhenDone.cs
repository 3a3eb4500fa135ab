namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>A background scraper whose end, with every other one's, stops the application (<see cref="ScraperWorkerOptions.StopApplicationWhenDone"/>).</summary>
internal sealed record StopWhenDone(string Name);
