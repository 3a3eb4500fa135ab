namespace DeclarativeScrape.Generators.Model
{
    /// <summary>A <c>[Page]</c> and/or <c>[Item]</c> type, as the emitter needs it.</summary>
    /// <remarks>
    /// The contract of every model record: it holds only strings, numbers, booleans, enums, other model records and
    /// <see cref="EquatableArray{T}"/>s of them, so that it compares by value and the incremental pipeline can cache
    /// on it. It never holds an <c>ISymbol</c>, <c>SyntaxNode</c>, <c>SemanticModel</c>, <c>Compilation</c> or
    /// <c>Location</c>: a type is referenced by its <c>global::</c>-qualified name and the containing-type chain is
    /// kept as strings. Diagnostics travel beside the model (see <c>Parsing.ParseResult</c>), never inside it.
    /// </remarks>
    /// <param name="Type">Where the type is declared and how it is named.</param>
    /// <param name="IsPage">Whether the type is a <c>[Page]</c>.</param>
    /// <param name="IsItem">Whether the type is an <c>[Item]</c>.</param>
    /// <param name="Properties">The extracted properties, in declaration order.</param>
    /// <param name="Enums">The enum types the properties use, ordered by name.</param>
    /// <param name="HasErrors">
    /// Whether a property had an error (reported here or on the nested item type it uses, and the property left out): the rest is generated so that the build
    /// shows that error alone, and checks across types that would be misled by the missing property are skipped.
    /// </param>
    /// <param name="UnsetRequired">
    /// The <c>required</c> properties left out for an error: the extractor's initializer sets them to <c>default!</c>
    /// so that it compiles (the build fails on the reported error anyway). Empty when <paramref name="HasErrors"/> is false.
    /// </param>
    /// <param name="IsGenerated">
    /// Whether the type's file is generated: false when the type itself has an error (reported: not <c>partial</c>,
    /// generic, abstract…). It keeps its place in the crawl graph, so that its scrapers' members are still generated
    /// and the build shows that one error rather than every use of them failing too.
    /// </param>
    /// <param name="Render">The page type's <c>[Render]</c>, or <see langword="null"/> for a page fetched over plain HTTP.</param>
    internal sealed record ExtractableTypeModel(
        TypeDeclarationModel Type,
        bool IsPage,
        bool IsItem,
        EquatableArray<PropertyModel> Properties,
        EquatableArray<EnumModel> Enums,
        bool HasErrors,
        EquatableArray<string> UnsetRequired,
        bool IsGenerated,
        RenderModel? Render = null)
    {
        /// <summary>The type's <c>[FollowLinks]</c>, in the order written.</summary>
        public EquatableArray<FollowLinksModel> FollowLinks { get; init; } = EquatableArray<FollowLinksModel>.Empty;

        /// <summary>A page type's <c>[Header]</c>s, sent with its requests.</summary>
        public EquatableArray<HeaderModel> Headers { get; init; } = EquatableArray<HeaderModel>.Empty;
    }
}
