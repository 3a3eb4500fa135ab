namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's shared UTF-16 decoder: a lone surrogate is U+FFFD (a leading one followed by a code
/// unit that is not a trailing surrogate gives that code unit back), and an odd last byte is U+FFFD.
/// </summary>
internal static class Utf16Decoder
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars, bool bigEndian)
    {
        var written = 0;
        var i = 0;
        for (; i + 1 < bytes.Length; i += 2)
        {
            var unit = (char)(bigEndian ? (bytes[i] << 8) | bytes[i + 1] : (bytes[i + 1] << 8) | bytes[i]);
            if (char.IsHighSurrogate(unit))
            {
                if (i + 3 < bytes.Length)
                {
                    var next = (char)(bigEndian ? (bytes[i + 2] << 8) | bytes[i + 3] : (bytes[i + 3] << 8) | bytes[i + 2]);
                    if (char.IsLowSurrogate(next))
                    {
                        chars[written++] = unit;
                        chars[written++] = next;
                        i += 2;
                        continue;
                    }
                }
                else if (i + 2 < bytes.Length)
                {
                    // A leading surrogate, then one byte and the end: a single error for both.
                    chars[written++] = '\uFFFD';
                    return written;
                }

                chars[written++] = '\uFFFD';
                continue;
            }

            chars[written++] = char.IsLowSurrogate(unit) ? '\uFFFD' : unit;
        }

        if (i < bytes.Length)
        {
            chars[written++] = '\uFFFD';
        }

        return written;
    }
}
