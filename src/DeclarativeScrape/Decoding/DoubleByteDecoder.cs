namespace DeclarativeScrape;

/// <summary>
/// The loop the Encoding Standard's double-byte decoders share (EUC-KR, Big5, Shift_JIS): an ASCII byte is itself; a
/// lead byte takes the next byte as its trail; a pair the index has no code point for is one U+FFFD, and its trail
/// byte is read again when it is ASCII (so a stray lead byte never swallows a <c>&lt;</c>); a lead byte at the end is
/// U+FFFD. The table type says which bytes lead and what a pair (or a lone byte) is.
/// </summary>
internal static class DoubleByteDecoder
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode<TTable>(ReadOnlySpan<byte> bytes, Span<char> chars)
        where TTable : struct, IDoubleByteTable
    {
        var table = default(TTable);
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

            if (!table.IsLead(lead))
            {
                chars[written++] = table.Single(lead);
                i++;
                continue;
            }

            if (i + 1 >= bytes.Length)
            {
                chars[written++] = '\uFFFD';
                break;
            }

            var trail = bytes[i + 1];
            var pair = table.Pair(lead, trail, chars[written..]);
            if (pair > 0)
            {
                written += pair;
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
