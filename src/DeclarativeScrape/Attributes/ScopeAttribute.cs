namespace DeclarativeScrape;

/// <summary>
/// The URLs a scraper may crawl besides their hosts (<see cref="AllowedHostsAttribute"/>): a path prefix and
/// include/exclude <see cref="UrlPattern"/> globs, checked on every discovered link's canonical URL (start URLs are
/// always crawled). A link outside is skipped as out of scope, its outcome saying which rule left it out. Fills
/// <see cref="ScrapeOptions.Scope"/>.
/// </summary>
/// <example><c>[Scope(PathPrefix = "/docs/", Exclude = ["**/drafts/**"])]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ScopeAttribute : Attribute
{
    /// <summary>A path every crawled URL starts with, such as <c>"/docs/"</c> (case-sensitive).</summary>
    public string? PathPrefix { get; set; }

    /// <summary>Globs a crawled URL must match one of.</summary>
    public string[]? Include { get; set; }

    /// <summary>Globs no crawled URL may match.</summary>
    public string[]? Exclude { get; set; }
}
