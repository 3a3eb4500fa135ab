namespace DeclarativeScrape.DemoSites;

/// <summary>A code block of a <see cref="DocPage"/>.</summary>
/// <param name="Language">The language: <c>csharp</c>, <c>json</c> or <c>bash</c>.</param>
/// <param name="Code">The code, entities decoded, lines separated by <c>\n</c>.</param>
public sealed record DocCodeBlock(string Language, string Code);
