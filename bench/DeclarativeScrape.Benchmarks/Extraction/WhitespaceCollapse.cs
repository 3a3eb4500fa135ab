namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>
/// Whitespace collapsing as a skilled developer writes it over a string (<c>TextContent</c>): trim, turn every run of
/// whitespace into one space, in one counting pass and one writing pass, and return the string itself when it is
/// already clean. Used by the hand-written extractor and as the plain alternative in the helper benchmarks.
/// </summary>
public static class WhitespaceCollapse
{
    /// <summary>Trims <paramref name="text"/> and collapses each whitespace run to one space.</summary>
    /// <param name="text">The raw text.</param>
    /// <returns>The collapsed text.</returns>
    public static string Collapse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan().Trim();
        var length = 0;
        var clean = span.Length == text.Length;
        for (var i = 0; i < span.Length; i++)
        {
            if (!char.IsWhiteSpace(span[i]))
            {
                length++;
            }
            else if (!char.IsWhiteSpace(span[i - 1]))
            {
                // The first whitespace of a run (never at 0: the span is trimmed) becomes one space.
                length++;
                clean &= span[i] == ' ';
            }
            else
            {
                clean = false;
            }
        }

        if (clean)
        {
            return text;
        }

        return string.Create(length, text, static (destination, source) =>
        {
            var written = 0;
            var inSpace = false;
            foreach (var c in source.AsSpan().Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    inSpace = true;
                    continue;
                }

                if (inSpace)
                {
                    destination[written++] = ' ';
                    inSpace = false;
                }

                destination[written++] = c;
            }
        });
    }
}
