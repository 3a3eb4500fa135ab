using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeclarativeScrape.Generators.Analysis;
using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Generators.Parsing;
using DeclarativeScrape.Samples.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Samples.Reading
{
    /// <summary>
    /// Which page types a scraper's <c>[PageEncoding]</c> applies to: every page type its crawl reaches (as DS0017 walks
    /// it: <see cref="CrawlEdges"/>). The crawl decodes those pages with the label; so does the sample check.
    /// </summary>
    internal static class PageEncodings
    {
        /// <summary>A scraper's <c>[PageEncoding]</c>; <see langword="null"/> on a type that is not a scraper or with a label the generator reports.</summary>
        public static ScraperEncoding? ReadScraper(GeneratorAttributeSyntaxContext context)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type
                || KnownNames.Find(type, KnownNames.Scraper) is null
                || context.Attributes.FirstOrDefault() is not { ConstructorArguments: { Length: 1 } arguments }
                || arguments[0].Value is not string label
                || !PageDecoder.IsEncodingLabel(label))
            {
                return null;
            }

            var starts = CrawlEdges.Starts(type).Select(TypeDeclarations.FullName).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();
            return new ScraperEncoding(TypeDeclarations.FullName(type), label.Trim(), starts);
        }

        /// <summary>Where a page or item type leads.</summary>
        public static TypeEdges? ReadEdges(GeneratorAttributeSyntaxContext context) =>
            context.TargetSymbol is INamedTypeSymbol type
                ? new TypeEdges(TypeDeclarations.FullName(type), CrawlEdges.Targets(type).Select(TypeDeclarations.FullName).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray())
                : null;

        /// <summary>
        /// Each page type reached by a scraper with <c>[PageEncoding]</c>, with its label (the first such scraper's by full
        /// name, when several reach it), by type name.
        /// </summary>
        public static EquatableArray<TypeEncoding> Assign(ImmutableArray<ScraperEncoding> scrapers, ImmutableArray<TypeEdges> pages, ImmutableArray<TypeEdges> items)
        {
            if (scrapers.IsDefaultOrEmpty)
            {
                return EquatableArray<TypeEncoding>.Empty;
            }

            var edges = new Dictionary<string, EquatableArray<string>>(StringComparer.Ordinal);
            foreach (var type in pages.Concat(items))
            {
                edges[type.Type] = type.Targets;
            }

            var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var scraper in scrapers.OrderBy(s => s.Scraper, StringComparer.Ordinal))
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var pending = new Stack<string>(scraper.Starts);
                while (pending.Count > 0)
                {
                    var type = pending.Pop();
                    if (!seen.Add(type))
                    {
                        continue;
                    }

                    if (!labels.ContainsKey(type))
                    {
                        labels[type] = scraper.Label;
                    }

                    if (edges.TryGetValue(type, out var targets))
                    {
                        foreach (var target in targets)
                        {
                            pending.Push(target);
                        }
                    }
                }
            }

            return labels.Select(pair => new TypeEncoding(pair.Key, pair.Value)).ToEquatableArray();
        }

        /// <summary>The distinct labels of <paramref name="encodings"/>, in ordinal order: each sample page is parsed once more per label.</summary>
        public static EquatableArray<string> Labels(EquatableArray<TypeEncoding> encodings) =>
            encodings.Select(e => e.Label).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToEquatableArray();

        /// <summary>The label <paramref name="type"/>'s pages are decoded with, or <see langword="null"/>.</summary>
        public static string? LabelOf(string type, EquatableArray<TypeEncoding> encodings)
        {
            foreach (var encoding in encodings)
            {
                if (encoding.Type == type)
                {
                    return encoding.Label;
                }
            }

            return null;
        }
    }
}
