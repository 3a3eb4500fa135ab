using System;
using System.Collections.Generic;
using System.Linq;
using DeclarativeScrape.Generators.Model;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>What a scraper reaches from its start page through <c>[Follow]</c> links (also links inside nested items).</summary>
    internal sealed class CrawlGraph
    {
        private CrawlGraph(IReadOnlyList<TypeSummaryModel> pages, IReadOnlyList<TypeSummaryModel> nestedItems)
        {
            Pages = pages;
            NestedItems = nestedItems;
        }

        /// <summary>The reachable page types: the start page first, then the others by full name (ordinal).</summary>
        public IReadOnlyList<TypeSummaryModel> Pages { get; }

        /// <summary>The nested item types used by reachable pages, by full name.</summary>
        public IReadOnlyList<TypeSummaryModel> NestedItems { get; }

        public IEnumerable<TypeSummaryModel> ItemPages => Pages.Where(p => p.IsItem);

        /// <summary>Whether a type of the graph has an error (reported on it): a property left out, or no extraction members.</summary>
        public bool HasErrors => Pages.Concat(NestedItems).Any(t => t.HasErrors || !t.IsGenerated);

        /// <summary>
        /// The attributes the extraction of a page of type <paramref name="page"/> reads: its own and those of the item
        /// types nested in it (at any depth), in ordinal order; <see langword="null"/> when it may read any attribute.
        /// </summary>
        public IReadOnlyList<string>? AttributesReadOn(TypeSummaryModel page)
        {
            var attributes = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var type in TypesExtractedOn(page, out _))
            {
                if (type.ReadsAllAttributes)
                {
                    return null;
                }

                attributes.UnionWith(type.ReadAttributes);
            }

            return attributes.ToList();
        }

        /// <summary>
        /// The selectors the extraction of a page of type <paramref name="page"/> matches: its own and those of the item
        /// types nested in it (at any depth), in ordinal order; <see langword="null"/> when a type in it has no generated
        /// extractor (what it reads is unknown).
        /// </summary>
        public IReadOnlyList<string>? SelectorsOn(TypeSummaryModel page)
        {
            var types = TypesExtractedOn(page, out var missing);
            if (missing || types.Any(t => !t.IsGenerated || t.HasErrors))
            {
                return null;
            }

            return new SortedSet<string>(types.SelectMany(t => t.Selectors), StringComparer.Ordinal).ToList();
        }

        // The page type and the item types nested in it at any depth, each once; missing: a nested type has no summary.
        private List<TypeSummaryModel> TypesExtractedOn(TypeSummaryModel page, out bool missing)
        {
            var nestedByName = NestedItems.ToDictionary(i => i.FullName, StringComparer.Ordinal);
            var types = new List<TypeSummaryModel>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<TypeSummaryModel>();
            missing = false;
            pending.Push(page);
            while (pending.Count > 0)
            {
                var type = pending.Pop();
                if (!seen.Add(type.FullName))
                {
                    continue;
                }

                types.Add(type);
                foreach (var nested in type.Nested)
                {
                    if (nestedByName.TryGetValue(nested, out var item))
                    {
                        pending.Push(item);
                    }
                    else
                    {
                        missing = true;
                    }
                }
            }

            return types;
        }

        /// <summary>The canonical schema text the fingerprint hashes.</summary>
        public string Schema => string.Concat(Pages.Select(p => p.Schema)) + string.Concat(NestedItems.Select(i => i.Schema));

        /// <summary>The graph, or <see langword="null"/> when a type it needs has no summary (that type has errors, reported on it).</summary>
        /// <param name="startPage">The start page type.</param>
        /// <param name="summaries">Every type's summary.</param>
        /// <param name="roots">Other page types the crawl starts from: those of its <c>[Sitemap]</c>s.</param>
        public static CrawlGraph? Build(string startPage, EquatableArray<TypeSummaryModel> summaries, IEnumerable<string>? roots = null)
        {
            var byName = new Dictionary<string, TypeSummaryModel>(StringComparer.Ordinal);
            foreach (var summary in summaries)
            {
                byName[summary.FullName] = summary;
            }

            var pageNames = new List<string> { startPage };
            var pageSet = new HashSet<string>(StringComparer.Ordinal) { startPage };
            var itemSet = new SortedSet<string>(StringComparer.Ordinal);
            var processed = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            queue.Enqueue(startPage);
            foreach (var root in roots ?? [])
            {
                if (pageSet.Add(root))
                {
                    pageNames.Add(root);
                }

                queue.Enqueue(root);
            }
            while (queue.Count > 0)
            {
                var name = queue.Dequeue();
                if (!processed.Add(name))
                {
                    continue;
                }

                if (!byName.TryGetValue(name, out var summary))
                {
                    return null;
                }

                foreach (var next in summary.Follows)
                {
                    if (pageSet.Add(next))
                    {
                        pageNames.Add(next);
                    }

                    queue.Enqueue(next);
                }

                foreach (var next in summary.Nested)
                {
                    itemSet.Add(next);
                    queue.Enqueue(next);
                }
            }

            var ordered = new List<TypeSummaryModel> { byName[startPage] };
            ordered.AddRange(pageNames.Skip(1).OrderBy(n => n, StringComparer.Ordinal).Select(n => byName[n]));
            return new CrawlGraph(ordered, itemSet.Select(n => byName[n]).ToList());
        }
    }
}
