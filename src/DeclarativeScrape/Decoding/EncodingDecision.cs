namespace DeclarativeScrape;

/// <summary>The encoding a page was decoded with, and where it came from.</summary>
/// <param name="Name">The encoding's name in the Encoding Standard (the page's <c>document.characterSet</c>): <c>UTF-8</c>, <c>windows-1252</c>, <c>Shift_JIS</c>…</param>
/// <param name="Source">Where it came from.</param>
public readonly record struct EncodingDecision(string Name, EncodingSource Source)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Source})";
}
