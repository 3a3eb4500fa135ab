namespace DeclarativeScrape.Generators.Model
{
    /// <summary>A <c>[Split]</c>.</summary>
    /// <param name="Separator">The separator.</param>
    /// <param name="Index">The first part kept (negative: from the end).</param>
    /// <param name="Count">How many parts are kept.</param>
    internal sealed record SplitModel(string Separator, int Index, int Count);
}
