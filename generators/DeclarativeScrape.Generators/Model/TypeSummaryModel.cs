namespace DeclarativeScrape.Generators.Model
{
    /// <summary>
    /// What a scraper's crawl plan needs of a page or item type, built once per type: its name, its edges, its
    /// part of the schema fingerprint, the HTML attributes its extractor reads and the selectors it matches (which the
    /// crawl's compact parser needs to know what of a page to build).
    /// </summary>
    /// <param name="FullName">The <c>global::</c> name.</param>
    /// <param name="DisplayName">The name shown in outcomes, logs and metrics.</param>
    /// <param name="Name">The simple name.</param>
    /// <param name="IsPage">Whether it is a <c>[Page]</c>.</param>
    /// <param name="IsItem">Whether it is an <c>[Item]</c>.</param>
    /// <param name="Follows">The page types its <c>[Follow]</c> properties lead to, in declaration order.</param>
    /// <param name="Nested">The item types of its <c>[Items]</c> properties, in declaration order.</param>
    /// <param name="Schema">Its canonical schema text: fields (names, kinds, types) and edges.</param>
    /// <param name="ReadAttributes">
    /// The attributes its own extractor reads (lower case, ordinal order): those its selectors test (<c>class</c>,
    /// <c>id</c>, <c>[name]</c>) and those <c>[Attr]</c> and <c>[Follow]</c> read. Nested item types have their own.
    /// </param>
    /// <param name="ReadsAllAttributes">
    /// Whether it may read any attribute: an <c>[Html]</c> or <c>[OuterHtml]</c> property, or a selector whose match
    /// depends on attributes it does not name (<c>:checked</c>, <c>:lang()</c>, a pseudo-element…).
    /// </param>
    /// <param name="HasErrors">Whether a property of the type had an error and was left out (see <see cref="ExtractableTypeModel.HasErrors"/>).</param>
    /// <param name="IsGenerated">Whether its extraction members exist (see <see cref="ExtractableTypeModel.IsGenerated"/>); the scraper stands in for them when not.</param>
    /// <param name="Render">The page type's <c>[Render]</c>, or <see langword="null"/>.</param>
    internal sealed record TypeSummaryModel(
        string FullName,
        string DisplayName,
        string Name,
        bool IsPage,
        bool IsItem,
        EquatableArray<string> Follows,
        EquatableArray<string> Nested,
        string Schema,
        EquatableArray<string> ReadAttributes,
        bool ReadsAllAttributes,
        bool HasErrors,
        bool IsGenerated,
        RenderModel? Render = null)
    {
        /// <summary>The selectors its own extractor matches (those of its <c>SelectorSet</c>), in ordinal order; nested item types have their own.</summary>
        public EquatableArray<string> Selectors { get; init; } = EquatableArray<string>.Empty;

        /// <summary>A page type's <c>[Header]</c>s, sent with its requests.</summary>
        public EquatableArray<HeaderModel> Headers { get; init; } = EquatableArray<HeaderModel>.Empty;
    }
}
