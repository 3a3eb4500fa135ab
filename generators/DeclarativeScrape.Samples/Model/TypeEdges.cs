using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Samples.Model
{
    /// <summary>Where a page or item type leads a crawl (<c>CrawlEdges.Targets</c>), by full names.</summary>
    /// <param name="Type">The type's full name.</param>
    /// <param name="Targets">The types it leads to.</param>
    internal sealed record TypeEdges(string Type, EquatableArray<string> Targets);
}
