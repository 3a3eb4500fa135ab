using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Diagnostics
{
    /// <summary>
    /// Creates every DeclarativeScrape diagnostic, making each quoted argument fit one line of build output: control
    /// characters, line breaks and bidirectional controls are escaped as C# writes them (<c>\n</c>, <c>\0</c>,
    /// <c>\u202E</c>), and a long argument keeps its start and end around an ellipsis. A selector written as a multi-line
    /// verbatim string, a NUL or an 18,000-character selector then still gives a message that ends with its reason,
    /// on the line of its location and help link.
    /// </summary>
    internal static class DiagnosticMessages
    {
        /// <summary>The longest argument kept whole.</summary>
        public const int MaxArgumentLength = 320;

        private const int KeptHead = 220;
        private const int KeptTail = 80;

        /// <summary><see cref="Diagnostic.Create(DiagnosticDescriptor, Location, object[])"/> with every string argument made one short line.</summary>
        public static Diagnostic Create(DiagnosticDescriptor descriptor, Location? location, params object?[] arguments) =>
            Create(descriptor, location, null, arguments);

        /// <summary>As <see cref="Create(DiagnosticDescriptor, Location, object[])"/>, with <paramref name="properties"/> for a code fix.</summary>
        public static Diagnostic Create(DiagnosticDescriptor descriptor, Location? location, ImmutableDictionary<string, string?>? properties, params object?[] arguments)
        {
            var cleaned = new object?[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                cleaned[i] = arguments[i] is string text ? Clean(text) : arguments[i];
            }

            return Diagnostic.Create(descriptor, location ?? Location.None, properties, cleaned);
        }

        /// <summary><paramref name="text"/> escaped and shortened (see the class summary).</summary>
        public static string Clean(string text)
        {
            var escaped = Escape(text);
            if (escaped.Length <= MaxArgumentLength)
            {
                return escaped;
            }

            var head = KeptHead;
            var tail = KeptTail;
            if (char.IsHighSurrogate(escaped[head - 1]))
            {
                head--;
            }

            if (char.IsLowSurrogate(escaped[escaped.Length - tail]))
            {
                tail--;
            }

            var omitted = escaped.Length - head - tail;
            return escaped.Substring(0, head) + "…(" + omitted.ToString(CultureInfo.InvariantCulture) + " more characters)…" + escaped.Substring(escaped.Length - tail);
        }

        private static string Escape(string text)
        {
            StringBuilder? builder = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var escape = c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    '\0' => "\\0",
                    _ => NeedsEscape(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : null,
                };
                if (escape is null)
                {
                    builder?.Append(c);
                    continue;
                }

                builder ??= new StringBuilder(text, 0, i, text.Length + 16);
                builder.Append(escape);
            }

            return builder?.ToString() ?? text;
        }

        // Control characters, line and paragraph separators, and the bidirectional controls that reorder what a reader sees.
        private static bool NeedsEscape(char c) =>
            char.IsControl(c)
            || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u061C'
            || c is >= '\u202A' and <= '\u202E'
            || c is >= '\u2066' and <= '\u2069';
    }
}
