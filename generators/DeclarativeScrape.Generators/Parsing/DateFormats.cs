using System;
using System.Globalization;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>
    /// Checks a <c>[Format]</c> the way the runtime uses it (<c>TryParseExact</c> with the invariant culture): a format
    /// that is empty or that .NET refuses reads no date at all, so every value would be a failure.
    /// </summary>
    internal static class DateFormats
    {
        /// <summary>Why <paramref name="format"/> reads no date, or <see langword="null"/> when it is usable.</summary>
        public static string? Problem(string? format, bool withOffset)
        {
            if (format is null)
            {
                return "the format is null";
            }

            if (format.Trim().Length == 0)
            {
                return "the format is empty; write the pattern of the page's dates, for example 'yyyy-MM-dd', or remove [Format] to accept ISO 8601";
            }

            try
            {
                var sample = new DateTimeOffset(2024, 5, 17, 13, 45, 30, 123, TimeSpan.FromHours(2));
                _ = withOffset ? sample.ToString(format, CultureInfo.InvariantCulture) : sample.DateTime.ToString(format, CultureInfo.InvariantCulture);
            }
            catch (FormatException exception)
            {
                return ".NET refuses it: " + exception.Message;
            }

            return null;
        }
    }
}
