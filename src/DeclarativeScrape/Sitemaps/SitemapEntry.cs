namespace DeclarativeScrape;

/// <summary>One entry of a sitemap: a page (<c>&lt;url&gt;</c>) or, in a sitemap index, another sitemap (<c>&lt;sitemap&gt;</c>).</summary>
/// <param name="Location">The <c>&lt;loc&gt;</c>, as written.</param>
/// <param name="LastModified">The <c>&lt;lastmod&gt;</c>, when present and a W3C date.</param>
/// <param name="IsSitemap">Whether it is another sitemap.</param>
internal readonly record struct SitemapEntry(string Location, DateTimeOffset? LastModified, bool IsSitemap);
