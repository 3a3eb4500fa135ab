using System.Collections.Generic;

namespace DeclarativeScrape.Samples.Expected
{
    /// <summary>A value of an expected-values file: an object (members in order), an array, a string, a number (its text), a boolean or null.</summary>
    internal sealed class JsonNode
    {
        private JsonNode(JsonKind kind, string? text, List<KeyValuePair<string, JsonNode>>? members, List<JsonNode>? items)
        {
            Kind = kind;
            Text = text;
            Members = members ?? new List<KeyValuePair<string, JsonNode>>();
            Items = items ?? new List<JsonNode>();
        }

        public JsonKind Kind { get; }

        /// <summary>A string's value, a number's text as written, <c>true</c>/<c>false</c>; <see langword="null"/> otherwise.</summary>
        public string? Text { get; }

        public List<KeyValuePair<string, JsonNode>> Members { get; }

        public List<JsonNode> Items { get; }

        public static JsonNode Object(List<KeyValuePair<string, JsonNode>> members) => new(JsonKind.Object, null, members, null);

        public static JsonNode Array(List<JsonNode> items) => new(JsonKind.Array, null, null, items);

        public static JsonNode String(string value) => new(JsonKind.String, value, null, null);

        public static JsonNode Number(string text) => new(JsonKind.Number, text, null, null);

        public static JsonNode Boolean(bool value) => new(JsonKind.Boolean, value ? "true" : "false", null, null);

        public static JsonNode Null { get; } = new(JsonKind.Null, null, null, null);

        /// <summary>The member <paramref name="name"/> of an object (the last one of that name), or <see langword="null"/>.</summary>
        public JsonNode? Member(string name)
        {
            JsonNode? found = null;
            foreach (var member in Members)
            {
                if (member.Key == name)
                {
                    found = member.Value;
                }
            }

            return found;
        }
    }
}
