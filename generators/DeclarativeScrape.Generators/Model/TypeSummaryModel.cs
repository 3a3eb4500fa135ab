namespace DeclarativeScrape.Generators.Model
{
    /// <summary>
    /// What a scraper's crawl plan needs of a page or item type, built once per type: its name, its edges and its
    /// part of the schema fingerprint. Selectors are left out, so changing one does not rebuild any plan.
    /// </summary>
    /// <param name="FullName">The <c>global::</c> name.</param>
    /// <param name="DisplayName">The name shown in outcomes, logs and metrics.</param>
    /// <param name="Name">The simple name.</param>
    /// <param name="IsPage">Whether it is a <c>[Page]</c>.</param>
    /// <param name="IsItem">Whether it is an <c>[Item]</c>.</param>
    /// <param name="Follows">The page types its <c>[Follow]</c> properties lead to, in declaration order.</param>
    /// <param name="Nested">The item types of its <c>[Items]</c> properties, in declaration order.</param>
    /// <param name="Schema">Its canonical schema text: fields (names, kinds, types) and edges.</param>
    internal sealed record TypeSummaryModel(
        string FullName,
        string DisplayName,
        string Name,
        bool IsPage,
        bool IsItem,
        EquatableArray<string> Follows,
        EquatableArray<string> Nested,
        string Schema);
}
