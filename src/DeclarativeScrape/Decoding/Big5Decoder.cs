namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's Big5 decoder: Big5 with the HKSCS extensions (index Big5, code points in planes 0 and 2;
/// four pointers give two code points each).
/// </summary>
internal readonly struct Big5Decoder : IDoubleByteTable
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars) => DoubleByteDecoder.Decode<Big5Decoder>(bytes, chars);

    public bool IsLead(byte b) => b is >= 0x81 and <= 0xFE;

    public char Single(byte b) => '\uFFFD';

    public int Pair(byte lead, byte trail, Span<char> chars)
    {
        if (trail is not (>= 0x40 and <= 0x7E or >= 0xA1 and <= 0xFE))
        {
            return 0;
        }

        var pointer = ((lead - 0x81) * 157) + trail - (trail < 0x7F ? 0x40 : 0x62);
        if (pointer is 1133 or 1135 or 1164 or 1166)
        {
            // Ê̄ Ê̌ ê̄ ê̌: the standard's two-code-point entries.
            chars[0] = pointer < 1164 ? '\u00CA' : '\u00EA';
            chars[1] = pointer is 1133 or 1164 ? '\u0304' : '\u030C';
            return 2;
        }

        var unit = IndexTables.Big5[pointer];
        if (unit == IndexTables.None)
        {
            return 0;
        }

        if (!IndexTables.IsBig5Plane2(pointer))
        {
            chars[0] = unit;
            return 1;
        }

        var codePoint = 0x20000 + unit;
        chars[0] = (char)(0xD800 + ((codePoint - 0x10000) >> 10));
        chars[1] = (char)(0xDC00 + ((codePoint - 0x10000) & 0x3FF));
        return 2;
    }
}
