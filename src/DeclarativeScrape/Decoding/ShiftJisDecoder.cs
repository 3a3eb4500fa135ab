namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's Shift_JIS decoder, which is Windows' code page 932 (windows-31j): index jis0208 with the
/// NEC and IBM extensions, the user-defined area 0xF040 to 0xF9FC as U+E000 to U+E757, 0x80 as U+0080, 0xA1 to 0xDF
/// as half-width katakana. An invalid pair is one U+FFFD, and its trail byte is read again when it is ASCII.
/// </summary>
internal static class ShiftJisDecoder
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var index = IndexTables.Jis0208;
        var written = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var lead = bytes[i];
            if (lead <= 0x80)
            {
                chars[written++] = (char)lead;
                i++;
                continue;
            }

            if (lead is >= 0xA1 and <= 0xDF)
            {
                chars[written++] = (char)(0xFF61 - 0xA1 + lead);
                i++;
                continue;
            }

            if (lead is not (>= 0x81 and <= 0x9F or >= 0xE0 and <= 0xFC))
            {
                chars[written++] = '\uFFFD';
                i++;
                continue;
            }

            if (i + 1 >= bytes.Length)
            {
                chars[written++] = '\uFFFD';
                break;
            }

            var trail = bytes[i + 1];
            var codePoint = IndexTables.None;
            if (trail is >= 0x40 and <= 0x7E or >= 0x80 and <= 0xFC)
            {
                var pointer = ((lead - (lead < 0xA0 ? 0x81 : 0xC1)) * 188) + trail - (trail < 0x7F ? 0x40 : 0x41);
                if (pointer is >= 8836 and <= 10715)
                {
                    codePoint = (char)(0xE000 - 8836 + pointer);
                }
                else if (pointer < index.Length)
                {
                    codePoint = index[pointer];
                }
            }

            if (codePoint != IndexTables.None)
            {
                chars[written++] = codePoint;
                i += 2;
            }
            else
            {
                chars[written++] = '\uFFFD';
                i += trail < 0x80 ? 1 : 2;
            }
        }

        return written;
    }
}
