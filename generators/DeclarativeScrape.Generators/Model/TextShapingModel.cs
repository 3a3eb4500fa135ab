namespace DeclarativeScrape.Generators.Model
{
    /// <summary>The text shaping of a property, applied in this order: replacements, split, trim.</summary>
    /// <param name="Replacements">The <c>[Replace]</c>s, in the order written.</param>
    /// <param name="Split">The <c>[Split]</c>, if any.</param>
    /// <param name="TrimCharacters">The characters of <c>[Trim]</c> besides white space; <see langword="null"/> without <c>[Trim]</c>.</param>
    internal sealed record TextShapingModel(EquatableArray<ReplacementModel> Replacements, SplitModel? Split, string? TrimCharacters);
}
