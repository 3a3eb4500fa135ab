namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's Shift_JIS decoder, which is Windows' code page 932 (windows-31j): index jis0208 with the
/// NEC and IBM extensions, the user-defined area 0xF040 to 0xF9FC as U+E000 to U+E757, 0x80 as U+0080, 0xA1 to 0xDF
/// as half-width katakana.
/// </summary>
internal readonly struct ShiftJisDecoder : IDoubleByteTable
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars) => DoubleByteDecoder.Decode<ShiftJisDecoder>(bytes, chars);

    public bool IsLead(byte b) => b is >= 0x81 and <= 0x9F or >= 0xE0 and <= 0xFC;

    public char Single(byte b) => b switch
    {
        0x80 => '\u0080',
        >= 0xA1 and <= 0xDF => (char)(0xFF61 - 0xA1 + b),
        _ => '\uFFFD',
    };

    public int Pair(byte lead, byte trail, Span<char> chars)
    {
        if (trail is not (>= 0x40 and <= 0x7E or >= 0x80 and <= 0xFC))
        {
            return 0;
        }

        var pointer = ((lead - (lead < 0xA0 ? 0x81 : 0xC1)) * 188) + trail - (trail < 0x7F ? 0x40 : 0x41);
        var index = IndexTables.Jis0208;
        var codePoint = pointer is >= 8836 and <= 10715 ? (char)(0xE000 - 8836 + pointer)   // EUDC, as Windows has it
            : pointer < index.Length ? index[pointer]
            : IndexTables.None;
        if (codePoint == IndexTables.None)
        {
            return 0;
        }

        chars[0] = codePoint;
        return 1;
    }
}
