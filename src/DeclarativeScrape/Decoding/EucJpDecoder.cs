namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's EUC-JP decoder: JIS X 0208 (index jis0208) in 0xA1 to 0xFE pairs, half-width katakana
/// after 0x8E, JIS X 0212 (index jis0212) after 0x8F. An invalid sequence is one U+FFFD, and its last byte is read
/// again when it is ASCII.
/// </summary>
internal static class EucJpDecoder
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var written = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var lead = bytes[i];
            if (lead < 0x80)
            {
                chars[written++] = (char)lead;
                i++;
                continue;
            }

            if (lead is not (0x8E or 0x8F or >= 0xA1 and <= 0xFE))
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

            var next = bytes[i + 1];
            if (lead == 0x8E && next is >= 0xA1 and <= 0xDF)
            {
                chars[written++] = (char)(0xFF61 - 0xA1 + next);
                i += 2;
                continue;
            }

            var table = IndexTables.Jis0208;
            var consumed = 1;   // bytes before the one that completes the sequence
            if (lead == 0x8F && next is >= 0xA1 and <= 0xFE)
            {
                if (i + 2 >= bytes.Length)
                {
                    chars[written++] = '\uFFFD';
                    break;
                }

                table = IndexTables.Jis0212;
                lead = next;
                next = bytes[i + 2];
                consumed = 2;
            }

            var codePoint = lead is >= 0xA1 and <= 0xFE && next is >= 0xA1 and <= 0xFE
                ? table[((lead - 0xA1) * 94) + next - 0xA1]
                : IndexTables.None;
            if (codePoint != IndexTables.None)
            {
                chars[written++] = codePoint;
                i += consumed + 1;
            }
            else
            {
                chars[written++] = '\uFFFD';
                i += next < 0x80 ? consumed : consumed + 1;
            }
        }

        return written;
    }
}
