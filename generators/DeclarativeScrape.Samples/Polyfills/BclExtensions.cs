using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace System
{
    /// <summary>
    /// The .NET APIs the linked runtime sources call that netstandard2.0 lacks, as C# 14 extension members with the same
    /// names and meanings (the compiler picks them only where the real member does not exist). Where .NET offers a span
    /// overload, these go through a string: slower, never different.
    /// </summary>
    internal static class BclExtensions
    {
        private static readonly RegexOptions NonBacktrackingOption =
            Enum.TryParse("NonBacktracking", out RegexOptions linear) ? linear : RegexOptions.None;

        extension(ArgumentNullException)
        {
            public static void ThrowIfNull(object? argument, string? paramName = null)
            {
                if (argument is null)
                {
                    throw new ArgumentNullException(paramName);
                }
            }
        }

        extension(ArgumentException)
        {
            public static void ThrowIfNullOrEmpty(string? argument, string? paramName = null)
            {
                ArgumentNullException.ThrowIfNull(argument, paramName);
                if (argument!.Length == 0)
                {
                    throw new ArgumentException("The value cannot be an empty string.", paramName);
                }
            }
        }

        extension(StringSplitOptions)
        {
            /// <summary>.NET 5's option: each part trimmed of white space (<see cref="string.Trim()"/>) before empty parts are dropped.</summary>
            public static StringSplitOptions TrimEntries => (StringSplitOptions)2;
        }

        extension(string text)
        {
            public bool Contains(char value, StringComparison comparisonType) =>
                comparisonType == StringComparison.Ordinal ? text.IndexOf(value) >= 0 : throw new NotSupportedException(comparisonType.ToString());

            public string Replace(string oldValue, string? newValue, StringComparison comparisonType) =>
                comparisonType == StringComparison.Ordinal ? text.Replace(oldValue, newValue) : throw new NotSupportedException(comparisonType.ToString());

            /// <summary>.NET's <c>Split(string, StringSplitOptions)</c>, <see cref="TrimEntries"/> included.</summary>
            public string[] Split(string separator, StringSplitOptions options)
            {
                var parts = text.Split(new[] { separator }, StringSplitOptions.None);
                var trim = ((int)options & 2) != 0;
                var removeEmpty = (options & StringSplitOptions.RemoveEmptyEntries) != 0;
                var kept = new List<string>(parts.Length);
                foreach (var part in parts)
                {
                    var entry = trim ? part.Trim() : part;
                    if (!removeEmpty || entry.Length > 0)
                    {
                        kept.Add(entry);
                    }
                }

                return kept.ToArray();
            }
        }

        extension(RegexOptions)
        {
            /// <summary>
            /// The linear-time engine of .NET 7+, which the URL patterns' regular expressions use: the compiler running on
            /// .NET has it (found by name); on .NET Framework (Visual Studio's compiler process) the backtracking engine
            /// stands in. The patterns UrlPattern builds (anchored globs: no back-references, no look-arounds) match the
            /// same URLs on either.
            /// </summary>
            public static RegexOptions NonBacktracking => NonBacktrackingOption;
        }

        extension(GC)
        {
            /// <summary>.NET 5's array without zeroing; netstandard2.0 zeroes it, which is one of the contents it may have.</summary>
            public static T[] AllocateUninitializedArray<T>(int length, bool pinned = false) => new T[length];
        }

        extension(Array)
        {
            public static void Clear(Array array) => Array.Clear(array, 0, array.Length);
        }

        extension(char)
        {
            public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

            public static bool IsAsciiLetterOrDigit(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z';
        }

        extension(string)
        {
            public static string Create<TState>(int length, TState state, SpanAction<char, TState> action)
            {
                var buffer = new char[length];
                action(buffer, state);
                return new string(buffer);
            }

            public static string Concat(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => first.ToString() + second.ToString();
        }

        extension(int)
        {
            public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out int result) =>
                int.TryParse(s.ToString(), style, provider, out result);
        }

        extension(long)
        {
            public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out long result) =>
                long.TryParse(s.ToString(), style, provider, out result);
        }

        extension(decimal)
        {
            public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out decimal result) =>
                decimal.TryParse(s.ToString(), style, provider, out result);
        }

        extension(double)
        {
            public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out double result) =>
                double.TryParse(s.ToString(), style, provider, out result);

            public static bool IsFinite(double d) => !double.IsNaN(d) && !double.IsInfinity(d);
        }

        extension(DateTime)
        {
            public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, DateTimeStyles styles, out DateTime result) =>
                DateTime.TryParse(s.ToString(), provider, styles, out result);

            public static bool TryParseExact(ReadOnlySpan<char> s, string format, IFormatProvider provider, DateTimeStyles styles, out DateTime result) =>
                DateTime.TryParseExact(s.ToString(), format, provider, styles, out result);
        }

        extension(DateTimeOffset)
        {
            public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, DateTimeStyles styles, out DateTimeOffset result) =>
                DateTimeOffset.TryParse(s.ToString(), provider, styles, out result);

            public static bool TryParseExact(ReadOnlySpan<char> s, string format, IFormatProvider provider, DateTimeStyles styles, out DateTimeOffset result) =>
                DateTimeOffset.TryParseExact(s.ToString(), format, provider, styles, out result);
        }

        // netstandard2.0 cannot tell a group that did not take part in the match from one the pattern lacks (both are
        // unsuccessful); the linked caller (ExtractionText.TryMatch) reads a named group only when it succeeded, so its
        // result is the same.
        public static bool TryGetValue(this GroupCollection groups, string name, out Group group)
        {
            group = groups[name];
            return group.Success;
        }

        public static TValue? GetValueOrDefault<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key)
            where TKey : notnull =>
            dictionary.TryGetValue(key, out var value) ? value : default;

        public static ReadOnlySpan<byte> TrimStart(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> trimBytes)
        {
            var start = 0;
            while (start < span.Length && trimBytes.IndexOf(span[start]) >= 0)
            {
                start++;
            }

            return span.Slice(start);
        }

        public static string GetString(this Encoding encoding, ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());

        public static ReadOnlySpan<byte> Trim(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> trimBytes)
        {
            span = span.TrimStart(trimBytes);
            var end = span.Length;
            while (end > 0 && trimBytes.IndexOf(span[end - 1]) >= 0)
            {
                end--;
            }

            return span.Slice(0, end);
        }

        public static int IndexOfAnyInRange(this ReadOnlySpan<byte> span, byte lowInclusive, byte highInclusive)
        {
            for (var i = 0; i < span.Length; i++)
            {
                if (span[i] >= lowInclusive && span[i] <= highInclusive)
                {
                    return i;
                }
            }

            return -1;
        }

        public static void ReadExactly(this IO.Stream stream, byte[] buffer)
        {
            var read = 0;
            while (read < buffer.Length)
            {
                var n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0)
                {
                    throw new IO.EndOfStreamException();
                }

                read += n;
            }
        }

        public static bool ContainsAnyExcept(this ReadOnlySpan<char> span, SearchValues<char> values)
        {
            foreach (var c in span)
            {
                if (!values.Contains(c))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
