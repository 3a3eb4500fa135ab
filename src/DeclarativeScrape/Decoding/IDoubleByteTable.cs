namespace DeclarativeScrape;

/// <summary>
/// One double-byte encoding for <see cref="DoubleByteDecoder"/>: its lead bytes, its lone bytes and its pairs. Implemented
/// by empty structs and called on <c>default(TTable)</c>, so each decoder's loop is specialized and inlined as with static
/// abstract members, which the sample check's netstandard2.0 build of this file (in the compiler) cannot use.
/// </summary>
internal interface IDoubleByteTable
{
    /// <summary>Whether a byte of 0x80 or more starts a pair.</summary>
    bool IsLead(byte b);

    /// <summary>A byte of 0x80 or more that does not start a pair: its code point, or U+FFFD.</summary>
    char Single(byte b);

    /// <summary>Writes the code point(s) of a pair into <paramref name="chars"/>; returns how many characters, 0 when the pair has none.</summary>
    int Pair(byte lead, byte trail, Span<char> chars);
}
