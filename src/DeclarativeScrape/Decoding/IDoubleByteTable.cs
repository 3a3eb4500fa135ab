namespace DeclarativeScrape;

/// <summary>One double-byte encoding for <see cref="DoubleByteDecoder"/>: its lead bytes, its lone bytes and its pairs.</summary>
internal interface IDoubleByteTable
{
    /// <summary>Whether a byte of 0x80 or more starts a pair.</summary>
    static abstract bool IsLead(byte b);

    /// <summary>A byte of 0x80 or more that does not start a pair: its code point, or U+FFFD.</summary>
    static abstract char Single(byte b);

    /// <summary>Writes the code point(s) of a pair into <paramref name="chars"/>; returns how many characters, 0 when the pair has none.</summary>
    static abstract int Pair(byte lead, byte trail, Span<char> chars);
}
