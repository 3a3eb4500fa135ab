using System.Buffers.Binary;

namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's indexes, loaded once from the assembly's resources (<c>Decoding/Indexes/*.bin</c>) when
/// a page first needs one. Each table holds one UTF-16 code unit per pointer, <c>0xFFFF</c> for a pointer without a
/// code point. The tables were recorded from Chromium, which implements the standard's indexes (the recording and
/// its checks: <c>tests/DeclarativeScrape.Tests/Decoding/Oracle/README.md</c>).
/// </summary>
internal static class IndexTables
{
    /// <summary>A pointer without a code point.</summary>
    public const char None = '\uFFFF';

    private static char[]? s_singleByte;
    private static char[]? s_gb18030;
    private static uint[]? s_gb18030Ranges;
    private static char[]? s_big5;
    private static byte[]? s_big5Plane2;
    private static char[]? s_eucKr;
    private static char[]? s_jis0208;
    private static char[]? s_jis0212;

    /// <summary>The 128 code points of bytes 0x80 to 0xFF of every single-byte encoding, in <see cref="EncodingId"/> order.</summary>
    public static char[] SingleByte => s_singleByte ??= Units("single-byte");

    /// <summary>index gb18030: pointers 0 to 23939.</summary>
    public static char[] Gb18030 => s_gb18030 ??= Units("gb18030");

    /// <summary>index gb18030 ranges below pointer 39420, as pairs of (pointer, first code point).</summary>
    public static uint[] Gb18030Ranges => s_gb18030Ranges ??= UInt32s("gb18030-ranges");

    /// <summary>index Big5: pointers 0 to 19781; the low 16 bits of a code point in plane 2 (see <see cref="IsBig5Plane2"/>).</summary>
    public static char[] Big5 => s_big5 ??= Units("big5");

    /// <summary>index EUC-KR: pointers 0 to 23939.</summary>
    public static char[] EucKr => s_eucKr ??= Units("euc-kr");

    /// <summary>index jis0208: pointers 0 to 11103 (8836 to 10715 are Shift_JIS's user-defined area, U+E000 on).</summary>
    public static char[] Jis0208 => s_jis0208 ??= Units("jis0208");

    /// <summary>index jis0212: pointers 0 to 8835.</summary>
    public static char[] Jis0212 => s_jis0212 ??= Units("jis0212");

    /// <summary>Whether the Big5 entry of <paramref name="pointer"/> is in plane 2 (U+2xxxx).</summary>
    public static bool IsBig5Plane2(int pointer)
    {
        var bits = s_big5Plane2 ??= Bytes("big5-plane2");
        return (bits[pointer >> 3] & (1 << (pointer & 7))) != 0;
    }

    private static char[] Units(string name)
    {
        var bytes = Bytes(name);
        var units = new char[bytes.Length / 2];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2));
        }

        return units;
    }

    private static uint[] UInt32s(string name)
    {
        var bytes = Bytes(name);
        var values = new uint[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return values;
    }

    private static byte[] Bytes(string name)
    {
        var resource = "DeclarativeScrape.Decoding.Indexes." + name + ".bin";
        using var stream = typeof(IndexTables).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The encoding table '{resource}' is missing from the assembly.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
