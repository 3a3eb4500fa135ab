using System.Text;

namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's single-byte decoder (and x-user-defined): ASCII bytes are themselves, copied in vectorized
/// runs; each other byte is its index's code point, or U+FFFD where the index has none. One character per byte.
/// </summary>
internal static class SingleByteDecoder
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode(EncodingId encoding, ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        ReadOnlySpan<char> table = encoding == EncodingId.XUserDefined
            ? default
            : IndexTables.SingleByte.AsSpan((int)(encoding == EncodingId.Iso8859_8I ? EncodingId.Iso8859_8 : encoding) * 128, 128);
        var i = 0;
        while (i < bytes.Length)
        {
            Ascii.ToUtf16(bytes[i..], chars[i..], out var ascii);
            i += ascii;
            for (; i < bytes.Length && bytes[i] >= 0x80; i++)
            {
                if (table.IsEmpty)
                {
                    chars[i] = (char)(0xF780 + bytes[i] - 0x80);   // x-user-defined
                }
                else
                {
                    var c = table[bytes[i] - 0x80];
                    chars[i] = c == IndexTables.None ? '\uFFFD' : c;
                }
            }
        }

        return bytes.Length;
    }
}
