using System;
using System.Collections.Generic;
using System.Globalization;
using AngleSharp.Dom;
using DeclarativeScrape.Generators.Selectors;

namespace DeclarativeScrape.Samples.Checking
{
    /// <summary>
    /// Says what a sample does have when a selector matches nothing in it: the longest leading part of the selector that
    /// still matches (<c>'div.product_main' matches 1 element, but nothing in it matches 'h1.title'</c>), and class, id
    /// and element names of the page close to the ones the selector asks for (<c>no element has class 'price_colour';
    /// the page has 'price_color' (on &lt;p&gt;)</c>).
    /// </summary>
    internal static class NearestMatch
    {
        private const int MaxElements = 50_000;

        /// <summary>The hint, starting with <c>"; "</c>, or empty when there is nothing useful to say.</summary>
        public static string Hint(string selector, IParentNode scope)
        {
            var hints = new List<string>();
            var (compounds, isList) = Compounds(selector);
            // Without a leading part that matches, every compound is suspect.
            var failing = (Start: 0, End: selector.Length);
            if (!isList)
            {
                for (var k = compounds.Count - 2; k >= 0; k--)
                {
                    var prefix = selector.Substring(0, compounds[k].End).Trim();
                    var parsed = ExtractionSelectors.Parse(prefix);
                    if (parsed is InvalidSelector)
                    {
                        continue;
                    }

                    var count = ExtractionQuery.All(scope, parsed).Count;
                    if (count > 0)
                    {
                        var rest = selector.Substring(compounds[k].End).Trim();
                        hints.Add("'" + prefix + "' matches " + Count(count, "element") + ", but nothing in " + (count == 1 ? "it" : "them") + " matches '" + rest + "'");
                        failing = compounds[k + 1];
                        break;
                    }
                }
            }

            hints.AddRange(Names(selector.Substring(failing.Start, failing.End - failing.Start), scope));
            return hints.Count == 0 ? string.Empty : "; " + string.Join("; ", hints);
        }

        /// <summary>The top-level compound selectors (start and end offsets), and whether the selector is a list.</summary>
        private static (List<(int Start, int End)> Compounds, bool IsList) Compounds(string selector)
        {
            var compounds = new List<(int Start, int End)>();
            var tokenizer = new SelectorTokenizer(selector);
            var depth = 0;
            var start = -1;
            var end = -1;
            var isList = false;
            for (var token = tokenizer.Next(); token.Kind != SelectorTokenKind.EndOfFile; token = tokenizer.Next())
            {
                var separates = depth == 0 && (token.Kind is SelectorTokenKind.Whitespace or SelectorTokenKind.Descendant or SelectorTokenKind.Deep or SelectorTokenKind.Column or SelectorTokenKind.Comma
                    || (token.Kind == SelectorTokenKind.Delim && token.Data is ">" or "+" or "~"));
                isList |= depth == 0 && token.Kind == SelectorTokenKind.Comma;
                if (separates)
                {
                    if (start >= 0)
                    {
                        compounds.Add((start, end));
                        start = -1;
                    }

                    continue;
                }

                if (token.Kind is SelectorTokenKind.Function or SelectorTokenKind.SquareBracketOpen)
                {
                    depth++;
                }
                else if (token.Kind is SelectorTokenKind.RoundBracketClose or SelectorTokenKind.SquareBracketClose)
                {
                    depth = Math.Max(0, depth - 1);
                }

                if (start < 0)
                {
                    start = token.Start;
                }

                end = Math.Max(end, token.End);
            }

            if (start >= 0)
            {
                compounds.Add((start, Math.Max(start, end)));
            }

            return (compounds, isList);
        }

        // The class, id and element names a compound asks for that the page lacks, each with the page's nearest one.
        private static IEnumerable<string> Names(string compound, IParentNode scope)
        {
            var wanted = new List<(string Kind, string Name)>();
            var tokenizer = new SelectorTokenizer(compound);
            var previous = SelectorTokenKind.Whitespace;
            for (var token = tokenizer.Next(); token.Kind != SelectorTokenKind.EndOfFile; token = tokenizer.Next())
            {
                switch (token.Kind)
                {
                    case SelectorTokenKind.Class:
                        wanted.Add(("class", token.Data));
                        break;
                    case SelectorTokenKind.Hash:
                        wanted.Add(("id", token.Data));
                        break;
                    case SelectorTokenKind.Ident when previous is SelectorTokenKind.Whitespace && token.Start == 0:
                        wanted.Add(("element", token.Data.ToLowerInvariant()));
                        break;
                }

                previous = token.Kind;
            }

            if (wanted.Count == 0)
            {
                yield break;
            }

            var page = PageNames.Of(scope, MaxElements);
            foreach (var (kind, name) in wanted)
            {
                var names = kind switch { "class" => page.Classes, "id" => page.Ids, _ => page.Elements };
                if (names.ContainsKey(name))
                {
                    continue;
                }

                var nearest = Nearest(name, names.Keys);
                var subject = kind == "element" ? "no <" + name + "> element" : "no element has " + kind + " '" + name + "'";
                yield return nearest is null
                    ? subject + " in the sample"
                    : subject + "; the sample has " + (kind == "element" ? "<" + nearest + ">" : "'" + nearest + "' (on <" + names[nearest] + ">)");
            }
        }

        private static string? Nearest(string name, IEnumerable<string> candidates)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            var limit = Math.Max(2, name.Length / 3);
            foreach (var candidate in candidates)
            {
                var distance = Distance(name, candidate, limit);
                if (distance <= limit && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best;
        }

        // Levenshtein distance, case-insensitive, giving up past the limit.
        private static int Distance(string a, string b, int limit)
        {
            if (Math.Abs(a.Length - b.Length) > limit)
            {
                return int.MaxValue;
            }

            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }

        private static string Count(int count, string noun) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
    }
}
