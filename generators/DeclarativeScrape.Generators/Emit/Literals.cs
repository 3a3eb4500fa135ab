using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>
    /// The one place where values become C# source text: string literals (every quote, backslash, control character,
    /// non-ASCII character and lone surrogate escaped, so the generated file is plain ASCII), numbers with the invariant
    /// culture, and identifiers escaped when they are keywords.
    /// </summary>
    internal static class Literals
    {
        public static string String(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\0': builder.Append("\\0"); break;
                    default:
                        if (c < 0x20 || c > 0x7e)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>A <c>new string[] { ... }</c> expression.</summary>
        public static string StringArray(IEnumerable<string> values) =>
            "new string[] { " + string.Join(", ", values.Select(String)) + " }";

        public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

        public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

        public static string Bool(bool value) => value ? "true" : "false";

        /// <summary>An identifier, prefixed with <c>@</c> when it is a reserved keyword.</summary>
        public static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary>A text safe inside a <c>//</c> comment: one line, ASCII.</summary>
        public static string Comment(string? value)
        {
            var literal = String(value);
            return literal.Substring(1, literal.Length - 2);
        }
    }
}
