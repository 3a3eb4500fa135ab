namespace DeclarativeScrape;

/// <summary>
/// Where a crawl reads sitemaps (<c>sitemap.xml</c>, sitemap index files, gzip): their entries are queued as pages of
/// the page types whose <see cref="SitemapAttribute"/> rules they pass, as start URLs are, alongside the start URLs.
/// The generated <c>CreateOptions()</c> fills it from the scraper's <see cref="SitemapAttribute"/>s.
/// </summary>
public sealed class SitemapOptions
{
    /// <summary>The default of <see cref="MaxBytes"/>: 256 MiB.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Sitemap (or sitemap index) URLs: absolute, or relative to the first start URL (<c>/sitemap.xml</c>), so that they
    /// follow <c>--url</c>.
    /// </summary>
    public IList<Uri> Urls { get; set; } = new List<Uri>();

    /// <summary>Whether to read the <c>Sitemap:</c> lines of the robots.txt of each start URL's host too.</summary>
    public bool FromRobots { get; set; }

    /// <summary>Entries whose <c>lastmod</c> is older are left out (entries without one are kept); <see langword="null"/> for all.</summary>
    public DateTimeOffset? ModifiedSince { get; set; }

    /// <summary>
    /// The most bytes one sitemap file may have once decompressed. It is read as a stream, never held whole, so this
    /// bounds time, not memory; the sitemap protocol allows 50 MB.
    /// </summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Whether any sitemap is to be read.</summary>
    public bool Any => Urls.Count > 0 || FromRobots;

    internal void Validate(string prefix)
    {
        if (Urls is null)
        {
            throw new ScrapeOptionsException(prefix + nameof(Urls), "must not be null; leave it empty for none.");
        }

        for (var i = 0; i < Urls.Count; i++)
        {
            if (Urls[i] is not { } url || (url.IsAbsoluteUri && url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new ScrapeOptionsException($"{prefix}{nameof(Urls)}[{i}]", $"'{Urls[i]}' is not an http or https URL (absolute, or relative to the start URL).");
            }
        }

        if (MaxBytes < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxBytes), $"must be at least 1, was {MaxBytes}.");
        }
    }
}
