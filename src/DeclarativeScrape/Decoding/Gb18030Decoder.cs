using System.Text;

namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's gb18030 decoder, also GBK's: one, two or four bytes per code point; 0x80 is U+20AC;
/// an invalid sequence is one U+FFFD and its bytes after the first are read again.
/// </summary>
internal static class Gb18030Decoder
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var index = IndexTables.Gb18030;
        var written = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var first = bytes[i];
            if (first < 0x80)
            {
                chars[written++] = (char)first;
                i++;
                continue;
            }

            if (first is 0x80 or 0xFF)
            {
                chars[written++] = first == 0x80 ? '\u20AC' : '\uFFFD';
                i++;
                continue;
            }

            if (i + 1 >= bytes.Length)
            {
                chars[written++] = '\uFFFD';
                break;
            }

            var second = bytes[i + 1];
            if (second is >= 0x30 and <= 0x39)
            {
                if (i + 2 >= bytes.Length)
                {
                    chars[written++] = '\uFFFD';
                    break;
                }

                var third = bytes[i + 2];
                if (third is < 0x81 or > 0xFE)
                {
                    chars[written++] = '\uFFFD';
                    i++;   // second and third are read again
                    continue;
                }

                if (i + 3 >= bytes.Length)
                {
                    chars[written++] = '\uFFFD';
                    break;
                }

                var fourth = bytes[i + 3];
                if (fourth is < 0x30 or > 0x39)
                {
                    chars[written++] = '\uFFFD';
                    i++;   // second, third and fourth are read again
                    continue;
                }

                var pointer = ((first - 0x81) * 12600) + ((second - 0x30) * 1260) + ((third - 0x81) * 10) + fourth - 0x30;
                written += WriteCodePoint(RangesCodePoint(pointer), chars[written..]);
                i += 4;
                continue;
            }

            var codePoint = IndexTables.None;
            if (second is >= 0x40 and <= 0x7E or >= 0x80 and <= 0xFE)
            {
                codePoint = index[((first - 0x81) * 190) + second - (second < 0x7F ? 0x40 : 0x41)];
            }

            if (codePoint != IndexTables.None)
            {
                chars[written++] = codePoint;
                i += 2;
            }
            else
            {
                chars[written++] = '\uFFFD';
                i += second < 0x80 ? 1 : 2;   // an ASCII byte is read again
            }
        }

        return written;
    }

    /// <summary>index gb18030 ranges code point, or -1 for none.</summary>
    internal static int RangesCodePoint(int pointer)
    {
        if (pointer is > 39419 and < 189000 or > 1237575)
        {
            return -1;
        }

        if (pointer == 7457)
        {
            return 0xE7C7;
        }

        if (pointer >= 189000)
        {
            return 0x10000 + pointer - 189000;
        }

        // The last range starting at or before the pointer (pairs of pointer, code point).
        var ranges = IndexTables.Gb18030Ranges;
        int low = 0, high = (ranges.Length / 2) - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (ranges[middle * 2] <= pointer)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return (int)ranges[(low * 2) + 1] + pointer - (int)ranges[low * 2];
    }

    private static int WriteCodePoint(int codePoint, Span<char> chars)
    {
        if (codePoint < 0)
        {
            chars[0] = '\uFFFD';
            return 1;
        }

        if (codePoint < 0x10000)
        {
            chars[0] = (char)codePoint;
            return 1;
        }

        return new Rune(codePoint).EncodeToUtf16(chars);
    }
}
