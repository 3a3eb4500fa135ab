namespace DeclarativeScrape;

/// <summary>
/// Finds the encoding a page declares in its own bytes: the HTML Standard's "prescan a byte stream to determine its
/// encoding" (§ 13.2.3.2: <c>&lt;meta charset&gt;</c>, or <c>&lt;meta http-equiv="Content-Type" content="…;
/// charset=…"&gt;</c>, comments and other tags skipped with the standard's attribute parsing; then an XML
/// declaration's <c>encoding</c>), run the way Chromium runs it, which is what a person sees:
/// <list type="bullet">
/// <item>the text of <c>&lt;title&gt;</c>, <c>&lt;textarea&gt;</c>, <c>&lt;script&gt;</c>, <c>&lt;style&gt;</c>,
/// <c>&lt;xmp&gt;</c>, <c>&lt;iframe&gt;</c>, <c>&lt;noembed&gt;</c> and <c>&lt;noframes&gt;</c> is skipped to its end
/// tag, as the tokenizer reads it (the standard's prescan would take a <c>&lt;meta&gt;</c> written inside a title or a
/// script);</item>
/// <item>the scan reads the first 1,024 bytes, and goes on past them while it is still in the head (up to the first
/// tag that cannot be in a <c>&lt;head&gt;</c>), the same page a standard parser would reload on meeting such a
/// <c>&lt;meta&gt;</c> in the head; a tag that starts before byte 1,024 is read to its end;</item>
/// <item>of several <c>charset</c> attributes on one <c>&lt;meta&gt;</c> the last counts, and a <c>charset</c>
/// attribute always wins over <c>content</c>.</item>
/// </list>
/// A label the standard does not know is skipped and the scan goes on; UTF-16 labels mean UTF-8 and
/// x-user-defined means windows-1252, as the standard says of a page's own labels.
/// </summary>
internal static class MetaPrescan
{
    /// <summary>Tags that keep the scan "in the head" (with <c>html</c> and <c>head</c> as start tags).</summary>
    private static readonly byte[][] HeadTags = [.. new[] { "script", "noscript", "style", "link", "meta", "object", "title", "base" }.Select(System.Text.Encoding.ASCII.GetBytes)];

    /// <summary>Elements whose content is text up to their end tag.</summary>
    private static readonly byte[][] RawTextTags = [.. new[] { "title", "textarea", "script", "style", "xmp", "iframe", "noembed", "noframes" }.Select(System.Text.Encoding.ASCII.GetBytes)];

    /// <summary>The declared encoding, or <see langword="null"/> when the bytes declare none the standard knows.</summary>
    public static EncodingId? Find(ReadOnlySpan<byte> input)
    {
        if (input.StartsWith("<\0?\0x\0"u8))
        {
            return EncodingId.Utf16Le;
        }

        if (input.StartsWith("\0<\0?\0x"u8))
        {
            return EncodingId.Utf16Be;
        }

        var position = 0;
        var inHead = true;
        while (position < input.Length && (inHead || position < PageDecoder.PrescanBytes))
        {
            var rest = input[position..];
            if (rest.StartsWith("<!--"u8))
            {
                // To the first '>' preceded by two '-' after the '<' (the dashes of "<!--" count: "<!-->" ends).
                var end = rest[2..].IndexOf("-->"u8);
                if (end < 0)
                {
                    break;
                }

                position += 2 + end + 3;
                continue;
            }

            if (rest.Length >= 6 && StartsWithIgnoreCase(rest, "<meta"u8) && IsSpaceOrSlash(rest[5]))
            {
                position += 6;
                if (Meta(input, ref position) is { } found)
                {
                    return found;
                }

                continue;
            }

            var endTag = rest.Length >= 3 && rest[0] == '<' && rest[1] == '/' && IsAsciiLetter(rest[2]);
            if (endTag || (rest.Length >= 2 && rest[0] == '<' && IsAsciiLetter(rest[1])))
            {
                // A tag: its name, then its attributes (so a '>' inside a quoted value does not end it).
                position += endTag ? 2 : 1;
                var nameStart = position;
                while (position < input.Length && !IsSpace(input[position]) && input[position] is not ((byte)'>' or (byte)'/'))
                {
                    position++;
                }

                var name = input[nameStart..position];
                while (GetAttribute(input, ref position, out _, out _))
                {
                }

                position++;
                inHead = inHead && (OneOf(name, HeadTags) is not null || (!endTag && (EqualsIgnoreCase(name, "html"u8) || EqualsIgnoreCase(name, "head"u8))));
                if (!endTag && OneOf(name, RawTextTags) is { } rawText)
                {
                    position = SkipRawText(input, position, rawText);
                }

                continue;
            }

            if (rest.Length >= 2 && rest[0] == '<' && rest[1] is (byte)'!' or (byte)'/' or (byte)'?')
            {
                var end = rest.IndexOf((byte)'>');
                if (end < 0)
                {
                    break;
                }

                position += end + 1;
                continue;
            }

            position++;   // text (which, as in Chromium, does not end the head)
        }

        return XmlDeclarationEncoding(input);
    }

    /// <summary>The position of the end tag of the raw-text element <paramref name="name"/> (lower case), or the end.</summary>
    private static int SkipRawText(ReadOnlySpan<byte> input, int position, ReadOnlySpan<byte> name)
    {
        while (position < input.Length)
        {
            var at = input[position..].IndexOf("</"u8);
            if (at < 0)
            {
                return input.Length;
            }

            position += at;
            var after = position + 2 + name.Length;
            if (after <= input.Length && EqualsIgnoreCase(input.Slice(position + 2, name.Length), name)
                && (after == input.Length || IsSpace(input[after]) || input[after] is (byte)'/' or (byte)'>'))
            {
                return position;
            }

            position += 2;
        }

        return position;
    }

    /// <summary>The attributes of one <c>&lt;meta&gt;</c>, from after its name; the encoding it declares, if any.</summary>
    private static EncodingId? Meta(ReadOnlySpan<byte> input, ref int position)
    {
        var gotPragma = false;
        var fromCharset = false;
        scoped ReadOnlySpan<byte> label = default;
        while (GetAttribute(input, ref position, out var name, out var value))
        {
            if (name.SequenceEqual("http-equiv"u8))
            {
                gotPragma |= EqualsIgnoreCase(value, "content-type"u8);
            }
            else if (name.SequenceEqual("charset"u8))
            {
                label = value;
                fromCharset = true;
            }
            else if (name.SequenceEqual("content"u8) && label.IsEmpty && ContentTypeCharset.TryFindInMetaContent(value, out var fromContent))
            {
                label = fromContent;
            }
        }

        if (position >= input.Length)
        {
            return null;   // the bytes end inside the tag: it declares nothing
        }

        position++;
        if (label.IsEmpty || (!fromCharset && !gotPragma) || !EncodingLabels.TryGet(label, out var found))
        {
            return null;
        }

        return found switch
        {
            EncodingId.Utf16Be or EncodingId.Utf16Le => EncodingId.Utf8,
            EncodingId.XUserDefined => EncodingId.Windows1252,
            _ => found,
        };
    }

    /// <summary>
    /// The standard's "get an attribute": the next attribute's lower-cased name and value, leaving
    /// <paramref name="position"/> after it; <see langword="false"/> at the tag's '&gt;' (position on it) or the end.
    /// </summary>
    private static bool GetAttribute(ReadOnlySpan<byte> input, ref int position, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        name = value = default;
        while (position < input.Length && (IsSpace(input[position]) || input[position] == '/'))
        {
            position++;
        }

        if (position >= input.Length || input[position] == '>')
        {
            return false;
        }

        // The name: lower-cased into a scratch copy only when it has upper-case letters.
        var start = position;
        while (true)
        {
            if (position >= input.Length)
            {
                return false;
            }

            var b = input[position];
            if (b == '=' && position > start)
            {
                break;
            }

            if (IsSpace(b))
            {
                name = Lower(input[start..position]);
                while (position < input.Length && IsSpace(input[position]))
                {
                    position++;
                }

                if (position >= input.Length)
                {
                    return false;
                }

                if (input[position] != '=')
                {
                    return true;   // no value; the next attribute starts here
                }

                break;
            }

            if (b is (byte)'/' or (byte)'>')
            {
                name = Lower(input[start..position]);
                return true;
            }

            position++;
        }

        if (name.IsEmpty)
        {
            name = Lower(input[start..position]);
        }

        position++;   // '='
        while (position < input.Length && IsSpace(input[position]))
        {
            position++;
        }

        if (position >= input.Length)
        {
            return false;
        }

        var first = input[position];
        if (first is (byte)'"' or (byte)'\'')
        {
            var end = input[(position + 1)..].IndexOf(first);
            if (end < 0)
            {
                position = input.Length;
                return false;
            }

            value = Lower(input.Slice(position + 1, end));
            position += end + 2;
            return true;
        }

        if (first == '>')
        {
            return true;   // an empty value; position stays on the '>'
        }

        start = position;
        while (position < input.Length && !IsSpace(input[position]) && input[position] != '>')
        {
            position++;
        }

        if (position >= input.Length)
        {
            return false;
        }

        value = Lower(input[start..position]);
        return true;
    }

    /// <summary>The standard's "get an XML encoding": <c>&lt;?xml … encoding="…"</c> at the very start.</summary>
    private static EncodingId? XmlDeclarationEncoding(ReadOnlySpan<byte> input)
    {
        if (!input.StartsWith("<?xml"u8))
        {
            return null;
        }

        var end = input.IndexOf((byte)'>');
        if (end < 0)
        {
            return null;
        }

        var declaration = input[..end];
        var at = IndexOfIgnoreCase(declaration, "encoding"u8);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration[(at + 8)..];
        rest = rest[CountControlsAndSpaces(rest)..];
        if (rest.IsEmpty || rest[0] != '=')
        {
            return null;
        }

        rest = rest[1..];
        rest = rest[CountControlsAndSpaces(rest)..];
        if (rest.IsEmpty || rest[0] is not ((byte)'"' or (byte)'\''))
        {
            return null;
        }

        var close = rest[1..].IndexOf(rest[0]);
        if (close < 0)
        {
            return null;
        }

        var label = rest.Slice(1, close);
        foreach (var b in label)
        {
            if (b <= 0x20)
            {
                return null;
            }
        }

        return !EncodingLabels.TryGet(label, out var encoding) ? null
            : encoding is EncodingId.Utf16Be or EncodingId.Utf16Le ? EncodingId.Utf8
            : encoding;
    }

    private static int CountControlsAndSpaces(ReadOnlySpan<byte> text)
    {
        var count = 0;
        while (count < text.Length && text[count] <= 0x20)
        {
            count++;
        }

        return count;
    }

    private static ReadOnlySpan<byte> Lower(ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAnyInRange((byte)'A', (byte)'Z') < 0)
        {
            return text;
        }

        var lower = text.ToArray();
        for (var i = 0; i < lower.Length; i++)
        {
            if (lower[i] is >= (byte)'A' and <= (byte)'Z')
            {
                lower[i] |= 0x20;
            }
        }

        return lower;
    }

    /// <summary>The entry of <paramref name="lowerNames"/> that <paramref name="name"/> is, ignoring case, or <see langword="null"/>.</summary>
    private static byte[]? OneOf(ReadOnlySpan<byte> name, byte[][] lowerNames)
    {
        foreach (var candidate in lowerNames)
        {
            if (EqualsIgnoreCase(name, candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsSpace(byte b) => b is 0x09 or 0x0A or 0x0C or 0x0D or 0x20;

    private static bool IsSpaceOrSlash(byte b) => IsSpace(b) || b == '/';

    private static bool IsAsciiLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lower) =>
        text.Length >= lower.Length && EqualsIgnoreCase(text[..lower.Length], lower);

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lower)
    {
        if (text.Length != lower.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if ((b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b) != lower[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lower)
    {
        for (var i = 0; i + lower.Length <= text.Length; i++)
        {
            if (EqualsIgnoreCase(text.Slice(i, lower.Length), lower))
            {
                return i;
            }
        }

        return -1;
    }
}
