namespace DeclarativeScrape.Extensions.Hosting;

/// <summary>Options of a scraper's background runner (<see cref="ScraperBuilder{TItem}.RunInBackground"/>).</summary>
public sealed class ScraperWorkerOptions
{
    /// <summary>
    /// Whether the application stops when the run has ended and every other background scraper that stops it has too
    /// (a crawl job); <see langword="false"/> keeps the host running (a service that also does other work). Default
    /// <see langword="true"/>.
    /// </summary>
    public bool StopApplicationWhenDone { get; set; } = true;
}
