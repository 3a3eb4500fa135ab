using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>The per-kind code fragments: conversions in extractors, JSON values and CSV cells in writers.</summary>
    internal static class ValueCode
    {
        public const string Values = "global::DeclarativeScrape.Generated.ExtractionValues";
        public const string Writing = "global::DeclarativeScrape.Generated.ItemWriting";
        public const string Messages = "global::DeclarativeScrape.Generated.ExtractionMessages";

        /// <summary>
        /// The call converting <paramref name="input"/> to one value of <paramref name="property"/>'s kind into
        /// <c>out var value</c>, and what the value should have been (for the failure message).
        /// </summary>
        public static (string Call, string What)? Conversion(PropertyModel property, string input, string cache)
        {
            var format = Literals.String(property.Format);
            var call = property.Kind switch
            {
                ValueKind.Int32 => Values + ".TryParseInt32(" + input + ", out var value)",
                ValueKind.Int64 => Values + ".TryParseInt64(" + input + ", out var value)",
                ValueKind.Decimal => Values + ".TryParseDecimal(" + input + ", out var value)",
                ValueKind.Double => Values + ".TryParseDouble(" + input + ", out var value)",
                ValueKind.Boolean => Values + ".TryParseBoolean(" + input + ", out var value)",
                ValueKind.DateTime => Values + ".TryParseDateTime(" + input + ", " + format + ", out var value)",
                ValueKind.DateTimeOffset => Values + ".TryParseDateTimeOffset(" + input + ", " + format + ", out var value)",
                ValueKind.Uri => "context.TryResolveUrl(" + input + ", out var value)",
                ValueKind.Enum => cache + ".TryParse" + EnumSuffix(property) + "(" + input + ", out var value)",
                _ => null,
            };
            return call is null ? null : (call, Expected(property)!);
        }

        /// <summary>
        /// What a value of <paramref name="property"/>'s kind is, for the failure message of a text that does not convert
        /// (<c>'abc' is not a decimal</c>); <see langword="null"/> for a string, which always converts. The sample check
        /// words its verdicts with it too.
        /// </summary>
        public static string? Expected(PropertyModel property) => property.Kind switch
        {
            ValueKind.Int32 or ValueKind.Int64 => "an integer",
            ValueKind.Decimal => "a decimal",
            ValueKind.Double => "a number",
            ValueKind.Boolean => "a boolean (true/false, yes/no, 1/0)",
            ValueKind.DateTime or ValueKind.DateTimeOffset => property.Format is null ? "a date" : "a date in the format '" + property.Format + "'",
            ValueKind.Uri => "an http(s) URL",
            ValueKind.Enum => "a " + ShortName(property.TargetTypeName) + " name",
            _ => null,
        };

        /// <summary>Statements writing one value <paramref name="value"/> (never a list) with <c>writer</c>.</summary>
        public static string JsonScalar(PropertyModel property, string value, string cache)
        {
            switch (property.Kind)
            {
                case ValueKind.String:
                case ValueKind.DateTime:
                case ValueKind.DateTimeOffset:
                    return "writer.WriteStringValue(" + value + ");";
                case ValueKind.Int32:
                case ValueKind.Int64:
                case ValueKind.Decimal:
                    return "writer.WriteNumberValue(" + value + ");";
                case ValueKind.Double:
                    return Writing + ".WriteNumber(writer, " + value + ");";
                case ValueKind.Boolean:
                    return "writer.WriteBooleanValue(" + value + ");";
                case ValueKind.Uri:
                    return Writing + ".WriteUri(writer, " + value + ");";
                case ValueKind.Enum:
                    return "writer.WriteStringValue(" + cache + ".NameOf" + EnumSuffix(property) + "(" + value + "));";
                case ValueKind.Link:
                    return Writing + ".WriteUri(writer, " + value + ".Url);";
                case ValueKind.Item:
                    return Writing + ".WriteJson<" + property.TypeName + ">(writer, " + value + ");";
                default:
                    return Writing + ".WriteFormatted<" + property.TypeName + ">(writer, " + value + ");";
            }
        }

        /// <summary>An expression giving the CSV cell text of one non-null value <paramref name="value"/>.</summary>
        public static string CsvScalar(PropertyModel property, string value, string cache)
        {
            switch (property.Kind)
            {
                case ValueKind.String:
                    return value;
                case ValueKind.Int32:
                case ValueKind.Int64:
                case ValueKind.Decimal:
                case ValueKind.Double:
                    return value + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)";
                case ValueKind.Boolean:
                    return value + " ? \"true\" : \"false\"";
                case ValueKind.DateTime:
                case ValueKind.DateTimeOffset:
                    return Writing + ".FormatDate(" + value + ")";
                case ValueKind.Uri:
                    return Writing + ".FormatUri(" + value + ")";
                case ValueKind.Enum:
                    return cache + ".NameOf" + EnumSuffix(property) + "(" + value + ")";
                case ValueKind.Link:
                    // One pattern variable per property: a row may hold several links.
                    return "(" + value + ".Url is { } " + "url" + property.Name + " ? " + Writing + ".FormatUri(url" + property.Name + ") : null)";
                default:
                    return Writing + ".Format<" + property.TypeName + ">(" + value + ")";
            }
        }

        /// <summary>The C# type of the property's local in the extractor.</summary>
        public static string LocalType(PropertyModel property) => property.Shape switch
        {
            ValueShape.List => "global::System.Collections.Generic.List<" + property.TypeName + ">",
            ValueShape.Optional => property.TypeName + "?",
            _ => property.TypeName,
        };

        public static string EnumSuffix(PropertyModel property) => Suffix(property.TargetTypeName);

        public static string Suffix(string typeName)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var c in typeName.Replace("global::", string.Empty))
            {
                builder.Append(char.IsLetterOrDigit(c) ? c : '_');
            }

            return builder.ToString();
        }

        public static string ShortName(string fullName)
        {
            var dot = fullName.LastIndexOf('.');
            var name = dot < 0 ? fullName.Replace("global::", string.Empty) : fullName.Substring(dot + 1);
            return name.StartsWith("@", System.StringComparison.Ordinal) ? name.Substring(1) : name;
        }
    }
}
