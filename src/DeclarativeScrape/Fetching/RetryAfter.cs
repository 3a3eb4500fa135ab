using System.Globalization;

namespace DeclarativeScrape;

/// <summary>
/// Reads a <c>Retry-After</c> header value (RFC 9110 §10.2.3): delta-seconds, or an HTTP-date in any of the three
/// forms of §5.6.7 (IMF-fixdate <c>Sun, 06 Nov 1994 08:49:37 GMT</c>, the obsolete RFC 850
/// <c>Sunday, 06-Nov-94 08:49:37 GMT</c> and asctime <c>Sun Nov  6 08:49:37 1994</c>).
/// </summary>
/// <remarks>
/// The result is not capped: the caller clamps it to <see cref="RetryOptions.MaxDelay"/>. Parsing is lenient where
/// servers are sloppy and strict where a guess would be wrong: white space around and between tokens, the case of
/// day and month names, a short or long day name in any form, and <c>UTC</c> for <c>GMT</c> are accepted; the day name
/// is not checked against the date. A negative, fractional or signed number, an invalid date and anything else give
/// <see langword="false"/>.
/// </remarks>
internal static class RetryAfter
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] ShortDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly string[] LongDays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>Parses <paramref name="value"/> into how long to wait from <paramref name="now"/>.</summary>
    /// <param name="value">The header value; <see langword="null"/> when the header is absent.</param>
    /// <param name="now">The current time, from the run's <see cref="TimeProvider"/>.</param>
    /// <param name="delay">
    /// The wait: the seconds given (<see cref="TimeSpan.MaxValue"/> when they exceed it), or the time until the date
    /// (zero for a date in the past).
    /// </param>
    /// <returns><see langword="false"/> when the value is absent or is neither form.</returns>
    public static bool TryParse(string? value, DateTimeOffset now, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        var text = value.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        if (char.IsAsciiDigit(text[0]))
        {
            return TryParseSeconds(text, out delay);
        }

        if (!TryParseHttpDate(text, now, out var date))
        {
            return false;
        }

        delay = date > now ? date - now : TimeSpan.Zero;
        return true;
    }

    private static bool TryParseSeconds(ReadOnlySpan<char> text, out TimeSpan delay)
    {
        const long maxSeconds = long.MaxValue / TimeSpan.TicksPerSecond;
        delay = TimeSpan.Zero;
        long seconds = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            // Saturate: once past what a TimeSpan holds, keep reading digits only to check the syntax.
            seconds = seconds > maxSeconds ? seconds : (seconds * 10) + (c - '0');
        }

        delay = seconds > maxSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static bool TryParseHttpDate(ReadOnlySpan<char> text, DateTimeOffset now, out DateTimeOffset date)
    {
        date = default;
        Span<Range> ranges = stackalloc Range[7];
        var count = text.SplitAny(ranges, " \t", StringSplitOptions.RemoveEmptyEntries);
        int day, month, year;
        ReadOnlySpan<char> time;
        switch (count)
        {
            // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            case 6 when IsDayName(text[ranges[0]], comma: true) && IsGmt(text[ranges[5]]):
                if (!TryParseNumber(text[ranges[1]], 1, 2, out day) || !TryParseMonth(text[ranges[2]], out month)
                    || !TryParseNumber(text[ranges[3]], 4, 4, out year))
                {
                    return false;
                }

                time = text[ranges[4]];
                break;

            // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            case 4 when IsDayName(text[ranges[0]], comma: true) && IsGmt(text[ranges[3]]):
                var parts = text[ranges[1]];
                Span<Range> dateParts = stackalloc Range[4];
                if (parts.Split(dateParts, '-') != 3
                    || !TryParseNumber(parts[dateParts[0]], 1, 2, out day) || !TryParseMonth(parts[dateParts[1]], out month)
                    || !TryParseNumber(parts[dateParts[2]], 2, 4, out year))
                {
                    return false;
                }

                if (parts[dateParts[2]].Length == 2)
                {
                    year = FullYear(year, now);
                }

                time = text[ranges[2]];
                break;

            // asctime: Sun Nov  6 08:49:37 1994
            case 5 when IsDayName(text[ranges[0]], comma: false):
                if (!TryParseMonth(text[ranges[1]], out month) || !TryParseNumber(text[ranges[2]], 1, 2, out day)
                    || !TryParseNumber(text[ranges[4]], 4, 4, out year))
                {
                    return false;
                }

                time = text[ranges[3]];
                break;

            default:
                return false;
        }

        if (!TryParseTime(time, out var hour, out var minute, out var second)
            || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    /// <summary>RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past century.</summary>
    private static int FullYear(int twoDigits, DateTimeOffset now)
    {
        var year = (now.UtcDateTime.Year / 100 * 100) + twoDigits;
        return year > now.UtcDateTime.Year + 50 ? year - 100 : year;
    }

    private static bool TryParseTime(ReadOnlySpan<char> text, out int hour, out int minute, out int second)
    {
        minute = second = 0;
        if (text.Length != 8 || text[2] != ':' || text[5] != ':'
            || !TryParseNumber(text[..2], 2, 2, out hour) || !TryParseNumber(text[3..5], 2, 2, out minute)
            || !TryParseNumber(text[6..], 2, 2, out second)
            || hour > 23 || minute > 59 || second > 60)
        {
            hour = 0;
            return false;
        }

        // A leap second is read as the last second of its minute.
        second = Math.Min(second, 59);
        return true;
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        return text.Length >= minDigits && text.Length <= maxDigits && !text.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseMonth(ReadOnlySpan<char> text, out int month)
    {
        month = IndexOf(Months, text) + 1;
        return month > 0;
    }

    private static bool IsDayName(ReadOnlySpan<char> text, bool comma)
    {
        if (comma != (text.Length > 0 && text[^1] == ','))
        {
            return false;
        }

        var name = comma ? text[..^1] : text;
        return IndexOf(ShortDays, name) >= 0 || IndexOf(LongDays, name) >= 0;
    }

    private static bool IsGmt(ReadOnlySpan<char> text) =>
        text.Equals("GMT", StringComparison.OrdinalIgnoreCase) || text.Equals("UTC", StringComparison.OrdinalIgnoreCase);

    private static int IndexOf(string[] names, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (text.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
