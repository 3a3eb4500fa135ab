namespace DeclarativeScrape;

/// <summary>
/// Declares a scraper: a <c>static partial class</c> for which the generator emits the crawl plan and the
/// typed entry points (<c>RunAsync</c>, <c>Start</c>, <c>CreateOptions</c>).
/// </summary>
/// <example>
/// <code>
/// [Scraper(StartUrl = "http://localhost:5080/catalogue/page-1.html", StartPage = typeof(CataloguePage))]
/// public static partial class BookstoreScraper;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ScraperAttribute : Attribute
{
    /// <summary>The absolute http(s) URL the crawl starts from. Use <see cref="StartUrls"/> for several.</summary>
    public string? StartUrl { get; set; }

    /// <summary>Several absolute http(s) start URLs; combined with <see cref="StartUrl"/> when both are set.</summary>
    public string[]? StartUrls { get; set; }

    /// <summary>The <see cref="PageAttribute"/> type that the start URLs are extracted as.</summary>
    public Type? StartPage { get; set; }
}
