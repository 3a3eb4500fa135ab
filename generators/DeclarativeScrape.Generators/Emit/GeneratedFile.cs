namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>One generated source file, equatable so that unchanged output is cached.</summary>
    /// <param name="HintName">The hint name, ending in <c>.g.cs</c>.</param>
    /// <param name="Source">The C# text.</param>
    internal sealed record GeneratedFile(string HintName, string Source);
}
