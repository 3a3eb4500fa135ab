namespace DeclarativeScrape.Generators.Model
{
    /// <summary>A type that contains a generated type.</summary>
    /// <param name="Keyword">The declaration keyword with the modifiers a partial must repeat, for example <c>class</c>, <c>static class</c>, <c>record struct</c>.</param>
    /// <param name="Name">The simple name.</param>
    internal sealed record ContainingTypeModel(string Keyword, string Name);
}
