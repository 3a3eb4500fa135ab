using System;
using System.Collections.Generic;

namespace DeclarativeScrape.Samples.Expected
{
    /// <summary>
    /// An expected-values file (<c>book-1.expected.json</c> beside <c>book-1.html</c>), as a tool saving the page
    /// writes it: the page's URL and <c>Content-Type</c> (so the sample is decoded as it was when fetched), the extracted
    /// value as the scraper's output writes it, and the links of each <c>[Follow]</c> property; and, written by hand, the
    /// values the link to the page carried (<c>carried</c>) for its <c>[Carried]</c> properties. Members a person removes
    /// are not checked.
    /// </summary>
    internal sealed class ExpectedValues
    {
        private ExpectedValues(string? url, string? contentType, JsonNode? value, IReadOnlyDictionary<string, IReadOnlyList<string>> links, List<KeyValuePair<string, string?>>? carried)
        {
            Url = url;
            ContentType = contentType;
            Value = value;
            Links = links;
            Carried = carried;
        }

        /// <summary>The URL the page was fetched from (after redirects).</summary>
        public string? Url { get; }

        /// <summary>The <c>Content-Type</c> header it came with.</summary>
        public string? ContentType { get; }

        /// <summary>The extracted value (an object), or <see langword="null"/> when the file has none.</summary>
        public JsonNode? Value { get; }

        /// <summary>The links of each <c>[Follow]</c> property, by property name.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Links { get; }

        /// <summary>
        /// The values the link to the page carried, by <c>[Carried]</c> property name, as their invariant texts
        /// (<see langword="null"/> for one carried absent); <see langword="null"/> when the file does not say.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, string?>>? Carried { get; }

        /// <exception cref="FormatException">The text is not an expected-values file; the message says why.</exception>
        public static ExpectedValues Read(string text)
        {
            var root = JsonReader.Read(text);
            if (root.Kind != JsonKind.Object)
            {
                throw new FormatException("the file must hold one JSON object");
            }

            var links = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (root.Member("links") is { } linkNode)
            {
                if (linkNode.Kind != JsonKind.Object)
                {
                    throw new FormatException("'links' must be an object of URL lists, by property");
                }

                foreach (var member in linkNode.Members)
                {
                    var urls = new List<string>();
                    if (member.Value.Kind != JsonKind.Array)
                    {
                        throw new FormatException("'links." + member.Key + "' must be a list of URLs");
                    }

                    foreach (var url in member.Value.Items)
                    {
                        urls.Add(url.Text ?? throw new FormatException("'links." + member.Key + "' must be a list of URLs"));
                    }

                    links[member.Key] = urls;
                }
            }

            var value = root.Member("value");
            if (value is { Kind: not (JsonKind.Object or JsonKind.Null) })
            {
                throw new FormatException("'value' must be an object");
            }

            return new ExpectedValues(StringMember(root, "url"), StringMember(root, "contentType"), value is { Kind: JsonKind.Object } ? value : null, links, CarriedMember(root));
        }

        // "carried": { "Category": "Poetry", "Rank": 3 }: each value's text (a number or boolean as written), or null.
        private static List<KeyValuePair<string, string?>>? CarriedMember(JsonNode root)
        {
            if (root.Member("carried") is not { } node || node.Kind == JsonKind.Null)
            {
                return null;
            }

            if (node.Kind != JsonKind.Object)
            {
                throw new FormatException("'carried' must be an object of values, by [Carried] property");
            }

            var carried = new List<KeyValuePair<string, string?>>();
            foreach (var member in node.Members)
            {
                if (member.Value.Kind is JsonKind.Object or JsonKind.Array)
                {
                    throw new FormatException("'carried." + member.Key + "' must be a string, a number, a boolean or null");
                }

                carried.Add(new KeyValuePair<string, string?>(member.Key, member.Value.Text));
            }

            return carried;
        }

        private static string? StringMember(JsonNode root, string name) => root.Member(name) switch
        {
            null or { Kind: JsonKind.Null } => null,
            { Kind: JsonKind.String } node => node.Text,
            _ => throw new FormatException("'" + name + "' must be a string"),
        };
    }
}
