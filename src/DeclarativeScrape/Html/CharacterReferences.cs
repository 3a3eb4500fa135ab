using System.Text;
using AngleSharp.Common;
using AngleSharp.Html;

namespace DeclarativeScrape;

/// <summary>
/// The values of character references, from AngleSharp's own tables (<see cref="HtmlEntityProvider"/>: the standard's
/// named references, and its rules for numbers), so that the compact parser decodes exactly what AngleSharp decodes.
/// </summary>
internal static class CharacterReferences
{
    /// <summary>The text of a named reference (with or without its ';'), or <see langword="null"/>.</summary>
    public static string? Lookup(ReadOnlyMemory<char> name) =>
        HtmlEntityProvider.ResolverExtended.GetSymbol(new StringOrMemory(name));

    /// <summary>Appends the character a numeric reference stands for, by AngleSharp's rules.</summary>
    public static void AppendNumber(int number, CharBuffer output)
    {
        if (HtmlEntityProvider.IsInCharacterTable(number))
        {
            output.Append(HtmlEntityProvider.GetSymbolFromTable(number) ?? "\ufffd");
        }
        else if (HtmlEntityProvider.IsInvalidNumber(number))
        {
            output.Append('\ufffd');
        }
        else
        {
            Span<char> pair = stackalloc char[2];
            var written = new Rune(number).EncodeToUtf16(pair);
            output.Append(pair[..written]);
        }
    }
}
