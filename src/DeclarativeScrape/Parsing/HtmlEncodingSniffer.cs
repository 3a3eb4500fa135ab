using System.Text;

namespace DeclarativeScrape;

/// <summary>
/// Chooses the encoding of an HTML body the way browsers do, simplified: a byte order mark, else the
/// <c>charset</c> of the <c>Content-Type</c> header, else a <c>&lt;meta charset&gt;</c> (or
/// <c>http-equiv="Content-Type"</c>) in the first 1024 bytes, else UTF-8. Legacy code pages (windows-1252,
/// ISO-8859-x, Shift_JIS…) come from <see cref="CodePagesEncodingProvider"/>.
/// </summary>
internal static class HtmlEncodingSniffer
{
    private const int PrescanBytes = 1024;

    static HtmlEncodingSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding of <paramref name="body"/>, and how many BOM bytes to skip.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> body, string? headerCharset, out int bomLength)
    {
        if (body.StartsWith("\uFEFF"u8))   // U+FEFF in UTF-8: EF BB BF
        {
            bomLength = 3;
            return Encoding.UTF8;
        }

        bomLength = 2;
        if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE)
        {
            return Encoding.Unicode;
        }

        if (body.Length >= 2 && body[0] == 0xFE && body[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode;
        }

        bomLength = 0;
        return FromName(headerCharset) ?? FromName(MetaCharset(body[..Math.Min(body.Length, PrescanBytes)])) ?? Encoding.UTF8;
    }

    private static Encoding? FromName(string? name)
    {
        if (name is null || string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim().Trim('"', '\''));

            // A page declaring UTF-16 in its own bytes is really ASCII-compatible (HTML's rule): read it as UTF-8.
            return encoding is UnicodeEncoding ? Encoding.UTF8 : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset named by a meta tag in <paramref name="head"/> (ASCII scan), or <see langword="null"/>.</summary>
    internal static string? MetaCharset(ReadOnlySpan<byte> head)
    {
        var at = 0;
        while (at < head.Length)
        {
            var meta = IndexOfIgnoreCase(head[at..], "<meta"u8);
            if (meta < 0)
            {
                return null;
            }

            var start = at + meta + 5;
            var end = head[start..].IndexOf((byte)'>');
            var tag = end < 0 ? head[start..] : head.Slice(start, end);
            var charset = IndexOfIgnoreCase(tag, "charset"u8);
            if (charset >= 0)
            {
                var value = tag[(charset + 7)..].TrimStart(" \t\r\n"u8);
                if (value.Length > 0 && value[0] == (byte)'=')
                {
                    value = value[1..].TrimStart(" \t\r\n\"'"u8);
                    var length = value.IndexOfAny(" \t\r\n\"';/>"u8);
                    var name = length < 0 ? value : value[..length];
                    if (name.Length > 0)
                    {
                        return Encoding.ASCII.GetString(name);
                    }
                }
            }

            if (end < 0)
            {
                return null;
            }

            at = start + end + 1;
        }

        return null;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = 0; i + lowerNeedle.Length <= text.Length; i++)
        {
            var match = true;
            for (var j = 0; j < lowerNeedle.Length; j++)
            {
                if ((text[i + j] | 0x20) != lowerNeedle[j] && text[i + j] != lowerNeedle[j])
                {
                    match = false;
                    break;
                }
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
