using DeclarativeScrape;

namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>A scraper added with <see cref="DeclarativeScrapeBuilder.AddScraper{TItem}"/>: its name (the options' name) and its attribute values.</summary>
internal sealed record ScraperRegistration(string Name, Func<ScrapeOptions> CreateOptions);
