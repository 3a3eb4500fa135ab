namespace DeclarativeScrape.Tests.Selectors;

/// <summary>The selectors of <c>selectors.txt</c>, each with what AngleSharp 1.10 says of it.</summary>
internal static class SelectorCorpus
{
    private static readonly Lazy<IReadOnlyList<(int Line, string Selector, bool Valid)>> Entries = new(Load);

    public static IReadOnlyList<(int Line, string Selector, bool Valid)> All => Entries.Value;

    private static IReadOnlyList<(int Line, string Selector, bool Valid)> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Selectors", "selectors.txt");
        var entries = new List<(int, string, bool)>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.Length < 3 || line[1] != '|' || line[^1] != '|' || (line[0] != 'V' && line[0] != 'I'))
            {
                throw new InvalidDataException($"selectors.txt line {i + 1}: expected V|selector| or I|selector|, found '{line}'.");
            }

            entries.Add((i + 1, Decode(line[2..^1]), line[0] == 'V'));
        }

        return entries;
    }

    private static string Decode(string text)
    {
        text = text.Replace("«TAB»", "\t").Replace("«LF»", "\n").Replace("«CR»", "\r").Replace("«FF»", "\f");
        for (var start = text.IndexOf("«U+", StringComparison.Ordinal); start >= 0; start = text.IndexOf("«U+", StringComparison.Ordinal))
        {
            var end = text.IndexOf('»', start);
            var code = Convert.ToInt32(text[(start + 3)..end], 16);
            text = text[..start] + (char)code + text[(end + 1)..];
        }

        return text;
    }
}
