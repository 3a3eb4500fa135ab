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
        if (contentType is null)
        {
            return default;
        }

        var rest = contentType.AsSpan();
        var semicolon = rest.IndexOf(';');
        while (semicolon >= 0)
        {
            rest = rest[(semicolon + 1)..];
            var equals = rest.IndexOf('=');
            var next = rest.IndexOf(';');
            if (equals < 0 || (next >= 0 && next < equals))
            {
                semicolon = next;
                continue;
            }

            var name = rest[..equals].Trim(" \t");
            var value = rest[(equals + 1)..].TrimStart(" \t");
            if (value.Length > 0 && value[0] == '"')
            {
                // A quoted string: up to the closing quote (a backslash escapes the next character).
                var close = 1;
                while (close < value.Length && value[close] != '"')
                {
                    close += value[close] == '\\' ? 2 : 1;
                }

                if (name.Equals("charset", StringComparison.OrdinalIgnoreCase))
                {
                    return value[1..Math.Min(close, value.Length)];
                }

                rest = value[Math.Min(close, value.Length)..];
                semicolon = rest.IndexOf(';');
                continue;
            }

            next = value.IndexOf(';');
            if (name.Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                return (next < 0 ? value : value[..next]).TrimEnd(" \t");
            }

            rest = value;
            semicolon = next;
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
