using DeclarativeScrape.Hosting;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// A running demo site: Kestrel on 127.0.0.1 (a free port unless the options give one). Dispose it to stop the server. Being an
/// <see cref="IEmbeddedSite"/>, it can be handed to <see cref="ScrapeApp"/>, which starts it when no <c>--url</c> is given.
/// </summary>
public abstract class DemoSite : IEmbeddedSite
{
    private readonly SiteServer _server;

    private protected DemoSite(SiteServer server, string startPath)
    {
        _server = server;
        StartUrl = Url(startPath);
    }

    /// <summary>The base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>The page a crawl of the whole site starts from.</summary>
    public Uri StartUrl { get; }

    internal SiteServer Server => _server;

    /// <summary>What the site has served so far.</summary>
    public SiteTraffic Traffic => _server.Traffic;

    /// <summary>
    /// Makes <paramref name="path"/> answer <paramref name="statusCode"/> (with no body) from now on, as a server in
    /// trouble does, for example <c>SetOutage("/robots.txt", 503)</c>; <see langword="null"/> serves it as usual again.
    /// </summary>
    /// <param name="path">A path starting with <c>/</c>, query excluded.</param>
    /// <param name="statusCode">The status to answer with, or <see langword="null"/> to end the outage.</param>
    public void SetOutage(string path, int? statusCode) => _server.SetOutage(path, statusCode);

    /// <summary>The absolute URL of <paramref name="path"/> on this site.</summary>
    /// <param name="path">A path, with or without the leading <c>/</c>.</param>
    /// <returns>The URL.</returns>
    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    /// <summary>Stops the server; open connections are aborted after two seconds.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
