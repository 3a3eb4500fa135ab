namespace DeclarativeScrape;

/// <summary>The <c>charset</c> of a <c>Content-Type</c>: of the HTTP header, and of a <c>&lt;meta content&gt;</c>.</summary>
internal static class ContentTypeCharset
{
    /// <summary>
    /// The label of the first <c>charset</c> parameter of a <c>Content-Type</c> header value (quoted or not), or an
    /// empty span when it has none.
    /// </summary>
    public static ReadOnlySpan<char> FromHeader(string? contentType)
    {
        // The Fetch Standard's MIME type parameters: after each ';', white space, a name up to '=' or ';' (its own
        // trailing white space included, so "charset =" is not "charset"), then a value: a quoted string with
        // backslash escapes, or up to the next ';' without its trailing white space. The first charset counts.
        if (contentType is null)
        {
            return default;
        }

        var text = contentType.AsSpan();
        var position = text.IndexOf(';');
        while (position >= 0 && position < text.Length)
        {
            position++;
            while (position < text.Length && text[position] is ' ' or '\t' or '\r' or '\n')
            {
                position++;
            }

            var nameStart = position;
            while (position < text.Length && text[position] is not (';' or '='))
            {
                position++;
            }

            var name = text[nameStart..position];
            if (position >= text.Length || text[position] == ';')
            {
                continue;
            }

            position++;   // '='
            if (position < text.Length && text[position] == '"')
            {
                var value = new System.Text.StringBuilder();
                position++;
                while (position < text.Length && text[position] != '"')
                {
                    if (text[position] == '\\' && position + 1 < text.Length)
                    {
                        position++;
                    }

                    value.Append(text[position++]);
                }

                if (name.Equals("charset", StringComparison.OrdinalIgnoreCase))
                {
                    return value.ToString();
                }

                position = text[position..].IndexOf(';') is var next and >= 0 ? position + next : text.Length;
                continue;
            }

            var valueStart = position;
            var end = text[position..].IndexOf(';');
            position = end < 0 ? text.Length : position + end;
            if (name.Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                return text[valueStart..position].TrimEnd(" \t\r\n");
            }
        }

        return default;
    }

    /// <summary>
    /// The HTML Standard's "extracting a character encoding from a meta element": the label after the first
    /// <c>charset</c> that is followed by <c>=</c> in a <c>content</c> value (already lower-cased).
    /// </summary>
    public static bool TryFindInMetaContent(ReadOnlySpan<byte> content, out ReadOnlySpan<byte> label)
    {
        label = default;
        var position = 0;
        while (true)
        {
            var at = content[position..].IndexOf("charset"u8);
            if (at < 0)
            {
                return false;
            }

            position += at + 7;
            while (position < content.Length && IsSpace(content[position]))
            {
                position++;
            }

            if (position >= content.Length)
            {
                return false;
            }

            if (content[position] != '=')
            {
                continue;
            }

            position++;
            while (position < content.Length && IsSpace(content[position]))
            {
                position++;
            }

            if (position >= content.Length)
            {
                return false;
            }

            var first = content[position];
            if (first is (byte)'"' or (byte)'\'')
            {
                var close = content[(position + 1)..].IndexOf(first);
                if (close < 0)
                {
                    return false;
                }

                label = content.Slice(position + 1, close);
                return true;
            }

            var end = position;
            while (end < content.Length && !IsSpace(content[end]) && content[end] != ';')
            {
                end++;
            }

            label = content[position..end];
            return true;
        }
    }

    private static bool IsSpace(byte b) => b is 0x09 or 0x0A or 0x0C or 0x0D or 0x20;
}
