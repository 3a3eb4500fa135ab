using System.Globalization;

namespace DeclarativeScrape.Generated;

/// <summary>
/// The value conversions of generated extractors: numbers, booleans and dates, always with the invariant culture
/// (the current culture never changes a result), never throwing on bad input.
/// </summary>
/// <remarks>
/// <para>Numbers: surrounding and inner whitespace (including no-break and thin spaces) and currency symbols
/// (Unicode category Sc: £, $, €, ¥, …) are removed first, so <c>"£51.77"</c> is 51.77 and <c>"$ 1 234"</c> is 1234.
/// A comma is a thousands separator and must be followed by exactly three digits (<c>"1,234.5"</c> is 1234.5);
/// a dot is the decimal separator. A value that only makes sense in another culture's notation, such as
/// <c>"1.234,5"</c> or <c>"12,5"</c>, is refused rather than guessed: it is a failed conversion (a recorded failure for a
/// required property). Use a <see cref="ConvertAttribute"/> converter for such sites.</para>
/// <para>Integers refuse a fractional part; <c>"-"</c>, <c>"+"</c> and <c>"−"</c> (U+2212) lead a negative or
/// positive number; a double also accepts an exponent but never NaN or infinity.</para>
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ExtractionValues
{
    private const int StackLimit = 128;

    /// <summary>Parses an <see cref="int"/> (see the class remarks for the accepted forms).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether the text is an integer in range.</returns>
    public static bool TryParseInt32(string? text, out int value)
    {
        value = 0;
        Span<char> buffer = stackalloc char[StackLimit];
        return Clean(text, buffer, allowDecimalPoint: false, allowExponent: false, out var clean)
            && int.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a <see cref="long"/> (see the class remarks for the accepted forms).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether the text is an integer in range.</returns>
    public static bool TryParseInt64(string? text, out long value)
    {
        value = 0;
        Span<char> buffer = stackalloc char[StackLimit];
        return Clean(text, buffer, allowDecimalPoint: false, allowExponent: false, out var clean)
            && long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a <see cref="decimal"/> (see the class remarks for the accepted forms).</summary>
    /// <param name="text">The text, for example <c>"£51.77"</c>.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether the text is a decimal number.</returns>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0;
        Span<char> buffer = stackalloc char[StackLimit];
        return Clean(text, buffer, allowDecimalPoint: true, allowExponent: false, out var clean)
            && decimal.TryParse(clean, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a finite <see cref="double"/> (see the class remarks for the accepted forms).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether the text is a finite number.</returns>
    public static bool TryParseDouble(string? text, out double value)
    {
        value = 0;
        Span<char> buffer = stackalloc char[StackLimit];
        return Clean(text, buffer, allowDecimalPoint: true, allowExponent: true, out var clean)
            && double.TryParse(clean, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary>Parses a boolean: <c>true</c>/<c>false</c>, <c>yes</c>/<c>no</c>, <c>1</c>/<c>0</c>, in any case, surrounding whitespace ignored.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The boolean.</param>
    /// <returns>Whether the text is one of the accepted words.</returns>
    public static bool TryParseBoolean(string? text, out bool value)
    {
        var span = text.AsSpan().Trim();
        if (span.Equals("true", StringComparison.OrdinalIgnoreCase) || span.Equals("yes", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("1"))
        {
            value = true;
            return true;
        }

        value = false;
        return span.Equals("false", StringComparison.OrdinalIgnoreCase) || span.Equals("no", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("0");
    }

    /// <summary>
    /// Parses a <see cref="DateTime"/> with the invariant culture: ISO 8601 (a <c>Z</c> or offset gives a UTC or local
    /// kind as written) and the invariant culture's usual forms, or exactly <paramref name="format"/> when given.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="format">A <see cref="FormatAttribute"/> format, or <see langword="null"/>.</param>
    /// <param name="value">The date.</param>
    /// <returns>Whether the text is a date.</returns>
    public static bool TryParseDateTime(string? text, string? format, out DateTime value)
    {
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind;
        var span = text.AsSpan();
        return format is null
            ? DateTime.TryParse(span, CultureInfo.InvariantCulture, styles, out value)
            : DateTime.TryParseExact(span, format, CultureInfo.InvariantCulture, styles, out value);
    }

    /// <summary>
    /// Parses a <see cref="DateTimeOffset"/> with the invariant culture, like <see cref="TryParseDateTime"/>. A value
    /// without an offset is taken as UTC (never as the machine's local time, so results do not depend on where the
    /// crawl runs).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="format">A <see cref="FormatAttribute"/> format, or <see langword="null"/>.</param>
    /// <param name="value">The date and offset.</param>
    /// <returns>Whether the text is a date.</returns>
    public static bool TryParseDateTimeOffset(string? text, string? format, out DateTimeOffset value)
    {
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        var span = text.AsSpan();
        return format is null
            ? DateTimeOffset.TryParse(span, CultureInfo.InvariantCulture, styles, out value)
            : DateTimeOffset.TryParseExact(span, format, CultureInfo.InvariantCulture, styles, out value);
    }

    // Copies the characters that matter into buffer (or a heap array when the text is long): digits, one sign,
    // the decimal point and an exponent; drops whitespace, currency symbols and well-placed thousands commas.
    private static bool Clean(string? text, Span<char> buffer, bool allowDecimalPoint, bool allowExponent, out ReadOnlySpan<char> clean)
    {
        clean = default;
        if (text is null)
        {
            return false;
        }

        var source = text.AsSpan();
        if (source.Length > buffer.Length)
        {
            buffer = new char[source.Length];
        }

        var length = 0;
        var seenDigit = false;
        var seenPoint = false;
        var seenExponent = false;
        var digitsSinceComma = -1; // -1: no comma seen in the current integer part
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                seenDigit = true;
                if (digitsSinceComma >= 0)
                {
                    digitsSinceComma++;
                }

                continue;
            }

            if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol)
            {
                continue;
            }

            switch (c)
            {
                case ',':
                    // A thousands separator: after a digit, before the point, each group exactly three digits.
                    if (!seenDigit || seenPoint || seenExponent || digitsSinceComma is >= 0 and not 3)
                    {
                        return false;
                    }

                    digitsSinceComma = 0;
                    continue;
                case '.':
                    if (!allowDecimalPoint || seenPoint || seenExponent || digitsSinceComma is >= 0 and not 3)
                    {
                        return false;
                    }

                    seenPoint = true;
                    digitsSinceComma = -1;
                    buffer[length++] = '.';
                    continue;
                case '-' or '+' or '\u2212':
                    var previous = length == 0 ? '\0' : buffer[length - 1];
                    if (length != 0 && previous is not ('e' or 'E'))
                    {
                        return false;
                    }

                    buffer[length++] = c == '+' ? '+' : '-';
                    continue;
                case 'e' or 'E' when allowExponent && seenDigit && !seenExponent:
                    if (digitsSinceComma is >= 0 and not 3)
                    {
                        return false;
                    }

                    seenExponent = true;
                    digitsSinceComma = -1;
                    buffer[length++] = 'e';
                    continue;
                default:
                    return false;
            }
        }

        if (!seenDigit || digitsSinceComma is >= 0 and not 3)
        {
            return false;
        }

        clean = buffer[..length];
        return true;
    }
}
