namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's EUC-KR decoder, which is Windows' code page 949 (Unified Hangul Code) rather than strict
/// EUC-KR: lead bytes 0x81 to 0xFE, trail bytes 0x41 to 0xFE, index EUC-KR. An invalid pair is one U+FFFD, and its
/// trail byte is read again when it is ASCII.
/// </summary>
internal static class EucKrDecoder
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var index = IndexTables.EucKr;
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

            if (lead is 0x80 or 0xFF)
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
            var codePoint = trail is >= 0x41 and <= 0xFE ? index[((lead - 0x81) * 190) + trail - 0x41] : IndexTables.None;
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
