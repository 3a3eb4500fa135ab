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
            var dateWhat = property.Format is null ? "a date" : "a date in the format '" + property.Format + "'";
            switch (property.Kind)
            {
                case ValueKind.String:
                    return null;
                case ValueKind.Int32:
                    return (Values + ".TryParseInt32(" + input + ", out var value)", "an integer");
                case ValueKind.Int64:
                    return (Values + ".TryParseInt64(" + input + ", out var value)", "an integer");
                case ValueKind.Decimal:
                    return (Values + ".TryParseDecimal(" + input + ", out var value)", "a decimal");
                case ValueKind.Double:
                    return (Values + ".TryParseDouble(" + input + ", out var value)", "a number");
                case ValueKind.Boolean:
                    return (Values + ".TryParseBoolean(" + input + ", out var value)", "a boolean (true/false, yes/no, 1/0)");
                case ValueKind.DateTime:
                    return (Values + ".TryParseDateTime(" + input + ", " + format + ", out var value)", dateWhat);
                case ValueKind.DateTimeOffset:
                    return (Values + ".TryParseDateTimeOffset(" + input + ", " + format + ", out var value)", dateWhat);
                case ValueKind.Uri:
                    return ("context.TryResolveUrl(" + input + ", out var value)", "an http(s) URL");
                case ValueKind.Enum:
                    return (cache + ".TryParse" + EnumSuffix(property) + "(" + input + ", out var value)", "a " + ShortName(property.TargetTypeName) + " name");
                default:
                    return null;
            }
        }

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
