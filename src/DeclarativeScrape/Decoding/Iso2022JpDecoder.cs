namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's ISO-2022-JP decoder: a state machine switched by escape sequences (ESC ( B ASCII,
/// ESC ( J JIS X 0201 Roman, ESC ( I half-width katakana, ESC $ @ and ESC $ B JIS X 0208 through index jis0208).
/// Two escape sequences with nothing between them, or a byte the state does not allow, are U+FFFD.
/// </summary>
internal static class Iso2022JpDecoder
{
    private enum State
    {
        Ascii,
        Roman,
        Katakana,
        LeadByte,
        TrailByte,
        EscapeStart,
        Escape,
    }

    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least as long); returns the characters written.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var state = State.Ascii;
        var outputState = State.Ascii;
        byte lead = 0;
        var output = false;
        var written = 0;
        var i = 0;
        while (true)
        {
            var end = i >= bytes.Length;
            var b = end ? (byte)0 : bytes[i];
            if (state is State.Ascii or State.Roman or State.Katakana or State.LeadByte)
            {
                if (end)
                {
                    return written;
                }

                i++;
                if (b == 0x1B)
                {
                    state = State.EscapeStart;
                    continue;
                }

                output = false;
            }

            switch (state)
            {
                case State.Ascii or State.Roman:
                    chars[written++] = b switch
                    {
                        0x0E or 0x0F or >= 0x80 => '\uFFFD',
                        0x5C when state == State.Roman => '\u00A5',
                        0x7E when state == State.Roman => '\u203E',
                        _ => (char)b,
                    };
                    continue;

                case State.Katakana:
                    chars[written++] = b is >= 0x21 and <= 0x5F ? (char)(0xFF61 - 0x21 + b) : '\uFFFD';
                    continue;

                case State.LeadByte:
                    if (b is >= 0x21 and <= 0x7E)
                    {
                        lead = b;
                        state = State.TrailByte;
                        continue;
                    }

                    chars[written++] = '\uFFFD';
                    continue;

                case State.TrailByte:
                    state = State.LeadByte;
                    if (end)
                    {
                        chars[written++] = '\uFFFD';
                        return written;
                    }

                    i++;
                    if (b == 0x1B)
                    {
                        state = State.EscapeStart;
                        chars[written++] = '\uFFFD';
                        continue;
                    }

                    var codePoint = IndexTables.None;
                    if (b is >= 0x21 and <= 0x7E)
                    {
                        codePoint = IndexTables.Jis0208[((lead - 0x21) * 94) + b - 0x21];
                    }

                    chars[written++] = codePoint == IndexTables.None ? '\uFFFD' : codePoint;
                    continue;

                case State.EscapeStart:
                    if (!end && b is 0x24 or 0x28)
                    {
                        lead = b;
                        state = State.Escape;
                        i++;
                        continue;
                    }

                    // The byte (if any) is read again in the state before the escape.
                    output = false;
                    state = outputState;
                    chars[written++] = '\uFFFD';
                    continue;

                default:   // State.Escape
                    var escaped = (lead, end ? -1 : b) switch
                    {
                        (0x28, 0x42) => State.Ascii,
                        (0x28, 0x4A) => State.Roman,
                        (0x28, 0x49) => State.Katakana,
                        (0x24, 0x40 or 0x42) => State.LeadByte,
                        _ => State.Escape,
                    };
                    if (escaped != State.Escape)
                    {
                        i++;
                        state = outputState = escaped;
                        var hadOutput = output;
                        output = true;
                        if (hadOutput)
                        {
                            chars[written++] = '\uFFFD';
                        }

                        continue;
                    }

                    // The lead byte ('$' or '(') and this byte are read again in the state before the escape.
                    i--;
                    output = false;
                    state = outputState;
                    chars[written++] = '\uFFFD';
                    continue;
            }
        }
    }
}
