using System.Globalization;
using System.Text;

namespace DeclarativeScrape.DemoSites;

/// <summary>Turns a title into an ASCII URL segment: <c>"Zoë's Café &amp; Bar"</c> → <c>zoes-cafe-bar</c>.</summary>
internal static class Slug
{
    public static string Of(string text)
    {
        var sb = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return sb.Length == 0 ? "page" : sb.ToString();
    }
}
