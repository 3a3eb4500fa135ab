namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's EUC-KR decoder, which is Windows' code page 949 (Unified Hangul Code) rather than strict
/// EUC-KR: lead bytes 0x81 to 0xFE, trail bytes 0x41 to 0xFE, index EUC-KR.
/// </summary>
internal readonly struct EucKrDecoder : IDoubleByteTable
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars) => DoubleByteDecoder.Decode<EucKrDecoder>(bytes, chars);

    public bool IsLead(byte b) => b is >= 0x81 and <= 0xFE;

    public char Single(byte b) => '\uFFFD';

    public int Pair(byte lead, byte trail, Span<char> chars)
    {
        var codePoint = trail is >= 0x41 and <= 0xFE ? IndexTables.EucKr[((lead - 0x81) * 190) + trail - 0x41] : IndexTables.None;
        if (codePoint == IndexTables.None)
        {
            return 0;
        }

        chars[0] = codePoint;
        return 1;
    }
}
