namespace DeclarativeScrape.Hosting;

/// <summary>
/// A site that runs inside the scraper's own process, such as an example's demo site. When the command line gives
/// no <c>--url</c>, <see cref="ScrapeApp"/> starts one, points the scraper at <see cref="StartUrl"/> (and scopes it
/// to that host) and disposes the site when the run ends.
/// </summary>
public interface IEmbeddedSite : IAsyncDisposable
{
    /// <summary>The absolute URL the crawl starts from.</summary>
    Uri StartUrl { get; }
}
