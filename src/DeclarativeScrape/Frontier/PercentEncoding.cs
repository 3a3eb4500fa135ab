using System.Text;

namespace DeclarativeScrape;

/// <summary>
/// Normalises the percent-encoding of a URL component (RFC 3986 §6.2.2.1–2): hex digits upper-case, encoded
/// unreserved characters decoded, reserved characters left as written (raw or encoded), everything else encoded
/// (non-ASCII as UTF-8), a stray <c>%</c> as <c>%25</c>. Shared by URL canonicalization and robots.txt matching, so
/// both compare URLs in one form.
/// </summary>
internal static class PercentEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Normalises <paramref name="text"/>.</summary>
    /// <param name="text">A user info, path or query, or a robots.txt pattern piece.</param>
    /// <returns>The normalised text; <paramref name="text"/> itself when it is already normal (no allocation).</returns>
    public static string Normalize(string text)
    {
        var first = FirstChange(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        AppendNormalized(builder, text.AsSpan(first));
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> normalised.</summary>
    /// <param name="builder">Where to append.</param>
    /// <param name="text">A user info, path or query, or a robots.txt pattern piece.</param>
    public static void AppendNormalized(StringBuilder builder, ReadOnlySpan<char> text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (TryReadEscape(text, i, out var value))
                {
                    if (IsUnreserved((char)value))
                    {
                        builder.Append((char)value);
                    }
                    else
                    {
                        AppendEscaped(builder, value);
                    }

                    i += 2;
                }
                else
                {
                    AppendEscaped(builder, (byte)'%');
                }
            }
            else if (IsUnreserved(c) || IsReserved(c))
            {
                builder.Append(c);
            }
            else if (c < 0x80)
            {
                AppendEscaped(builder, (byte)c);
            }
            else
            {
                // Non-ASCII, a surrogate pair at a time; a lone surrogate becomes U+FFFD.
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                var written = Encoding.UTF8.GetBytes(text.Slice(i, length), utf8);
                for (var b = 0; b < written; b++)
                {
                    AppendEscaped(builder, utf8[b]);
                }

                i += length - 1;
            }
        }
    }

    /// <summary>RFC 3986 unreserved: <c>A-Z a-z 0-9 - . _ ~</c>.</summary>
    /// <param name="c">A character.</param>
    /// <returns>Whether it is unreserved.</returns>
    public static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    /// <summary>RFC 3986 gen-delims and sub-delims: kept as written, raw or encoded, because they may carry meaning.</summary>
    /// <param name="c">A character.</param>
    /// <returns>Whether it is reserved.</returns>
    public static bool IsReserved(char c) => c is ':' or '/' or '?' or '#' or '[' or ']' or '@'
        or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    /// <summary>Whether <paramref name="text"/> is already normal (<see cref="Normalize"/> would return it unchanged).</summary>
    /// <param name="text">A user info, path or query.</param>
    /// <returns><see langword="true"/> when nothing would change.</returns>
    public static bool IsNormal(ReadOnlySpan<char> text) => FirstChange(text) < 0;

    /// <summary>The index of the first character normalisation would change, or -1.</summary>
    private static int FirstChange(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (!TryReadEscape(text, i, out var value) || IsUnreserved((char)value)
                    || text[i + 1] is >= 'a' and <= 'f' || text[i + 2] is >= 'a' and <= 'f')
                {
                    return i;
                }

                i += 2;
            }
            else if (!IsUnreserved(c) && !IsReserved(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryReadEscape(ReadOnlySpan<char> text, int percent, out byte value)
    {
        if (percent + 2 < text.Length && char.IsAsciiHexDigit(text[percent + 1]) && char.IsAsciiHexDigit(text[percent + 2]))
        {
            value = (byte)((HexValue(text[percent + 1]) << 4) | HexValue(text[percent + 2]));
            return true;
        }

        value = 0;
        return false;
    }

    private static void AppendEscaped(StringBuilder builder, byte value) =>
        builder.Append('%').Append(HexDigits[value >> 4]).Append(HexDigits[value & 0xF]);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
