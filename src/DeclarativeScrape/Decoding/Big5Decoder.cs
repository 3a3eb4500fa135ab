namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's Big5 decoder: Big5 with the HKSCS extensions (index Big5, code points in planes 0 and 2;
/// four pointers give two code points each). An invalid pair is one U+FFFD, and its trail byte is read again when
/// it is ASCII (so a lead byte never swallows a <c>&lt;</c>).
/// </summary>
internal static class Big5Decoder
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var index = IndexTables.Big5;
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
            if (trail is >= 0x40 and <= 0x7E or >= 0xA1 and <= 0xFE)
            {
                var pointer = ((lead - 0x81) * 157) + trail - (trail < 0x7F ? 0x40 : 0x62);
                switch (pointer)
                {
                    case 1133 or 1135 or 1164 or 1166:
                        chars[written++] = pointer < 1164 ? '\u00CA' : '\u00EA';
                        chars[written++] = pointer is 1133 or 1164 ? '\u0304' : '\u030C';
                        i += 2;
                        continue;
                }

                var unit = index[pointer];
                if (unit != IndexTables.None)
                {
                    if (IndexTables.IsBig5Plane2(pointer))
                    {
                        var codePoint = 0x20000 + unit;
                        chars[written++] = (char)(0xD800 + ((codePoint - 0x10000) >> 10));
                        chars[written++] = (char)(0xDC00 + ((codePoint - 0x10000) & 0x3FF));
                    }
                    else
                    {
                        chars[written++] = unit;
                    }

                    i += 2;
                    continue;
                }
            }

            chars[written++] = '\uFFFD';
            i += trail < 0x80 ? 1 : 2;
        }

        return written;
    }
}
