namespace DeclarativeScrape.Examples.Tests.DocBlocks;

/// <summary>A fenced code block of a Markdown page: its info string split into language and words, its text and where it starts.</summary>
/// <param name="Page">The page's path relative to the repository root.</param>
/// <param name="Line">The 1-based line of the block's first line of code in the page.</param>
/// <param name="Language">The first word of the info string (<c>csharp</c>).</param>
/// <param name="Words">The other words of the info string (<c>wrong</c>, <c>members</c>, ...).</param>
/// <param name="Code">The code, the fence's indentation removed.</param>
public sealed record CodeBlock(string Page, int Line, string Language, IReadOnlyList<string> Words, string Code)
{
    public bool Is(string word) => Words.Contains(word, StringComparer.Ordinal);

    public override string ToString() => $"{Page}:{Line}";
}
