using System.Text;

namespace DeclarativeScrape.DemoSites;

/// <summary>HTML text encoding as real sites do it: markup characters as entities, a few typographic ones as named entities, other non-ASCII text left as UTF-8.</summary>
internal static class Html
{
    public static string Encode(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '—' => "&mdash;",
                '…' => "&hellip;",
                '’' => "&rsquo;",
                _ => null,
            };
            if (entity is null)
            {
                sb?.Append(text[i]);
                continue;
            }

            sb ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            sb.Append(entity);
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>Appends <paramref name="text"/> encoded.</summary>
    public static StringBuilder AppendEncoded(this StringBuilder sb, string text) => sb.Append(Encode(text));
}
