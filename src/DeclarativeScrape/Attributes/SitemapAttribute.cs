namespace DeclarativeScrape;

/// <summary>
/// Seeds the crawl from sitemaps: the entries of the sitemap at <see cref="Url"/> (or, without one, those of the
/// <c>Sitemap:</c> lines of the start host's robots.txt) that pass <see cref="Include"/> and <see cref="Exclude"/> are
/// queued as pages of type <see cref="Page"/>. Sitemap index files are followed; gzip (<c>.xml.gz</c>) is read;
/// entries are streamed, so a sitemap of a million URLs costs no more memory than a small one. Repeat it to give
/// other entries other page types (each entry goes to the first whose rules it passes). On the scraper class; fills
/// <see cref="ScrapeOptions.Sitemaps"/>.
/// </summary>
/// <example><c>[Sitemap(typeof(BookPage), Url = "/sitemap.xml", Include = ["/catalogue/**"])]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SitemapAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="page">The <see cref="PageAttribute"/> type the entries are extracted as.</param>
    public SitemapAttribute(Type page) => Page = page;

    /// <summary>The page type of the entries.</summary>
    public Type Page { get; }

    /// <summary>The sitemap: absolute, or relative to the start URL (<c>"/sitemap.xml"</c>); unset to read robots.txt's <c>Sitemap:</c> lines.</summary>
    public string? Url { get; set; }

    /// <summary><see cref="UrlPattern"/> globs an entry must match one of to be a page of this type.</summary>
    public string[]? Include { get; set; }

    /// <summary><see cref="UrlPattern"/> globs an entry must match none of.</summary>
    public string[]? Exclude { get; set; }
}
