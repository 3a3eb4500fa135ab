namespace DeclarativeScrape.Generators.Model
{
    /// <summary>Where a user type is declared: what a generated partial declaration of it needs.</summary>
    /// <param name="Namespace">The namespace, empty for the global namespace.</param>
    /// <param name="ContainingTypes">The containing types, outermost first.</param>
    /// <param name="Keyword">The declaration keyword with modifiers the partial must repeat, for example <c>record</c> or <c>static class</c>.</param>
    /// <param name="Name">The simple name.</param>
    /// <param name="FullName">The <c>global::</c>-qualified name.</param>
    /// <param name="DisplayName">The name as people write it: containing types and the type, dot-separated, no namespace.</param>
    /// <param name="HintName">The generated file's hint name (without <c>.g.cs</c>).</param>
    internal sealed record TypeDeclarationModel(
        string Namespace,
        EquatableArray<ContainingTypeModel> ContainingTypes,
        string Keyword,
        string Name,
        string FullName,
        string DisplayName,
        string HintName);
}
