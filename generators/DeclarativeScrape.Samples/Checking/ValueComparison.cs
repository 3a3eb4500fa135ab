using System;
using System.Collections.Generic;
using System.Globalization;
using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Samples.Expected;
using DeclarativeScrape.Samples.Extraction;
using DeclarativeScrape.Samples.Model;

namespace DeclarativeScrape.Samples.Checking
{
    /// <summary>
    /// Compares a sample's extracted value with its expected-values file, value by value as the output would write them
    /// (numbers by value, dates by instant, URLs by their absolute form, enums by name), each property under its JSON
    /// name (<c>[JsonPropertyName]</c>); a property the output does not write (<c>[JsonIgnore]</c>, a link without
    /// <c>[JsonInclude]</c>) is not compared. A member the file leaves out is not compared either, so a person can keep
    /// only the values that matter.
    /// </summary>
    internal sealed class ValueComparison
    {
        private readonly IReadOnlyDictionary<string, CheckedType> _nested;
        private readonly List<ValueDifference> _differences = new();

        private ValueComparison(IReadOnlyDictionary<string, CheckedType> nested) => _nested = nested;

        public static List<ValueDifference> Compare(CheckedType type, SampleValue actual, JsonNode expected, IReadOnlyDictionary<string, CheckedType> nested)
        {
            var comparison = new ValueComparison(nested);
            comparison.Object(type, actual, expected, string.Empty);
            return comparison._differences;
        }

        private void Object(CheckedType type, SampleValue actual, JsonNode expected, string prefix)
        {
            foreach (var member in actual.Members)
            {
                var property = member.Key;
                if (!property.IsWritten || expected.Member(property.JsonName) is not { } node)
                {
                    continue;
                }

                var path = prefix + property.Name;
                Value(type, property, member.Value, node, path);
            }
        }

        private void Value(CheckedType type, PropertyModel property, SampleValue actual, JsonNode expected, string path)
        {
            if (actual.Kind == SampleValueKind.Unchecked)
            {
                return;
            }

            if (actual.Kind == SampleValueKind.List)
            {
                if (expected.Kind != JsonKind.Array || expected.Items.Count != actual.Items.Count)
                {
                    Differ(type, property, path, actual, expected);
                    return;
                }

                for (var i = 0; i < actual.Items.Count; i++)
                {
                    One(type, property, actual.Items[i], expected.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                }

                return;
            }

            One(type, property, actual, expected, path);
        }

        private void One(CheckedType type, PropertyModel property, SampleValue actual, JsonNode expected, string path)
        {
            if (actual.Kind == SampleValueKind.Object)
            {
                if (expected.Kind != JsonKind.Object)
                {
                    Differ(type, property, path, actual, expected);
                }
                else if (_nested.TryGetValue(property.TargetTypeName, out var item))
                {
                    Object(item, actual, expected, path + ".");
                }

                return;
            }

            if (!Same(actual, expected))
            {
                Differ(type, property, path, actual, expected);
            }
        }

        private static bool Same(SampleValue actual, JsonNode expected)
        {
            if (actual.Kind == SampleValueKind.Null || expected.Kind == JsonKind.Null)
            {
                return actual.Kind == SampleValueKind.Null && expected.Kind == JsonKind.Null;
            }

            var text = expected.Text;
            switch (actual.Scalar)
            {
                case string value:
                    return expected.Kind == JsonKind.String && text == value;
                case Uri url:
                    return expected.Kind == JsonKind.String && text == url.AbsoluteUri;
                case bool boolean:
                    return expected.Kind == JsonKind.Boolean && text == (boolean ? "true" : "false");
                case int or long or decimal:
                    return expected.Kind == JsonKind.Number
                        && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        && number == Convert.ToDecimal(actual.Scalar, CultureInfo.InvariantCulture);
                case double real:
                    return expected.Kind is JsonKind.Number or JsonKind.String
                        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expectedReal)
                        && expectedReal.Equals(real);
                case DateTime date:
                    return expected.Kind == JsonKind.String
                        && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expectedDate)
                        && expectedDate == date;
                case DateTimeOffset offset:
                    return expected.Kind == JsonKind.String
                        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expectedOffset)
                        && expectedOffset == offset;
                default:
                    return expected.Kind == JsonKind.String && text == actual.Scalar?.ToString();
            }
        }

        private void Differ(CheckedType type, PropertyModel property, string path, SampleValue actual, JsonNode expected) =>
            _differences.Add(new ValueDifference(type, property, path, ValueText.Of(actual), ValueText.Of(expected)));
    }
}
