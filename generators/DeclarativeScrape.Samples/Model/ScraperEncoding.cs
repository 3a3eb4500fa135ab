using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Samples.Model
{
    /// <summary>A scraper's <c>[PageEncoding]</c>: its label and the page types its crawl starts from (full names).</summary>
    /// <param name="Scraper">The scraper's full name.</param>
    /// <param name="Label">The encoding label every page of its crawl is decoded with.</param>
    /// <param name="Starts">Its start page type and its <c>[Sitemap]</c>s' page types.</param>
    internal sealed record ScraperEncoding(string Scraper, string Label, EquatableArray<string> Starts);
}
