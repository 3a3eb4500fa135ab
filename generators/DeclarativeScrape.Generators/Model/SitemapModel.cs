namespace DeclarativeScrape.Generators.Model
{
    /// <summary>A scraper's <c>[Sitemap]</c>.</summary>
    /// <param name="PageType">The <c>global::</c> name of the page type its entries are.</param>
    /// <param name="Url">The sitemap's URL as written (absolute or relative); <see langword="null"/> for robots.txt's <c>Sitemap:</c> lines.</param>
    /// <param name="Rules">The include and exclude patterns its entries pass, if any.</param>
    internal sealed record SitemapModel(string PageType, string? Url, LinkRulesModel? Rules);
}
