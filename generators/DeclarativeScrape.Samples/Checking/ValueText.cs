using System;
using System.Globalization;
using System.Text;
using DeclarativeScrape.Samples.Expected;
using DeclarativeScrape.Samples.Extraction;

namespace DeclarativeScrape.Samples.Checking
{
    /// <summary>Values as messages show them: JSON-like, strings quoted, long lists shortened.</summary>
    internal static class ValueText
    {
        private const int MaxItems = 3;

        public static string Of(SampleValue value)
        {
            switch (value.Kind)
            {
                case SampleValueKind.Null:
                    return "null";
                case SampleValueKind.Unchecked:
                    return Quote((string)value.Scalar!);
                case SampleValueKind.List:
                    return List(value.Items.Count, i => Of(value.Items[i]));
                case SampleValueKind.Object:
                    return "{…}";
                default:
                    return Scalar(value.Scalar!);
            }
        }

        public static string Of(JsonNode node)
        {
            switch (node.Kind)
            {
                case JsonKind.Null:
                    return "null";
                case JsonKind.String:
                    return Quote(node.Text!);
                case JsonKind.Array:
                    return List(node.Items.Count, i => Of(node.Items[i]));
                case JsonKind.Object:
                    return "{…}";
                default:
                    return node.Text!;
            }
        }

        public static string Scalar(object value) => value switch
        {
            string text => Quote(text),
            Uri url => Quote(url.AbsoluteUri),
            bool boolean => boolean ? "true" : "false",
            DateTime date => Quote(date.ToString("O", CultureInfo.InvariantCulture)),
            DateTimeOffset date => Quote(date.ToString("O", CultureInfo.InvariantCulture)),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => Quote(value.ToString() ?? string.Empty),
        };

        private static string List(int count, Func<int, string> item)
        {
            var text = new StringBuilder("[");
            for (var i = 0; i < count && i < MaxItems; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(item(i));
            }

            if (count > MaxItems)
            {
                text.Append(", … ").Append(count.ToString(CultureInfo.InvariantCulture)).Append(" in all");
            }

            return text.Append(']').ToString();
        }

        private static string Quote(string text) => "'" + (text.Length <= ExtractionMessages.MaxQuotedLength ? text : text.Substring(0, ExtractionMessages.MaxQuotedLength) + "…") + "'";
    }
}
