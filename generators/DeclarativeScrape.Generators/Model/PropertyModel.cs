namespace DeclarativeScrape.Generators.Model
{
    /// <summary>One extracted property.</summary>
    /// <param name="Name">The property name.</param>
    /// <param name="JsonName">Its JSON/CSV name: the <c>[JsonPropertyName]</c>, else camelCase.</param>
    /// <param name="Source">Where the value comes from.</param>
    /// <param name="Selector">The CSS selector and its facts; <see langword="null"/> for <see cref="SourceKind.PageUrl"/>.</param>
    /// <param name="AttributeName">The HTML attribute read by <c>[Attr]</c> or <c>[Follow]</c>.</param>
    /// <param name="Pattern">The <c>[Match]</c> pattern.</param>
    /// <param name="Format">The <c>[Format]</c> of a date.</param>
    /// <param name="Kind">The kind of one value.</param>
    /// <param name="TypeName">The <c>global::</c> name of one value's type (the element type of a list; for a link, <c>Link&lt;T&gt;</c>).</param>
    /// <param name="TargetTypeName">For a link, the page type; for a nested item, the item type; for an enum, the enum; else empty.</param>
    /// <param name="Shape">One value, an optional value, or a list.</param>
    /// <param name="IsValueType">Whether one value's type is a value type (an optional one is then <c>Nullable&lt;T&gt;</c>).</param>
    /// <param name="Converter">The <c>[Convert]</c> method.</param>
    internal sealed record PropertyModel(
        string Name,
        string JsonName,
        SourceKind Source,
        SelectorModel? Selector,
        string? AttributeName,
        string? Pattern,
        string? Format,
        ValueKind Kind,
        string TypeName,
        string TargetTypeName,
        ValueShape Shape,
        bool IsValueType,
        ConverterModel? Converter)
    {
        /// <summary>
        /// Whether an item writes the property to its output (JSON, CSV): every property but a <c>[JsonIgnore]</c> one,
        /// and but a <c>[Follow]</c> link (navigation) unless it asks with <c>[JsonInclude]</c>.
        /// </summary>
        public bool IsWritten { get; init; } = true;

        /// <summary>The <c>[Replace]</c>, <c>[Split]</c> and <c>[Trim]</c> of a text property; <see langword="null"/> for none.</summary>
        public TextShapingModel? Shaping { get; init; }

        /// <summary>The <c>Include</c>/<c>Exclude</c> URL patterns of a <c>[Follow]</c>; <see langword="null"/> for none.</summary>
        public LinkRulesModel? Rules { get; init; }

        /// <summary>The properties of the declaring type whose values a <c>[Follow]</c>'s links carry (<c>Carry</c>).</summary>
        public EquatableArray<string> Carry { get; init; } = EquatableArray<string>.Empty;
    }
}
