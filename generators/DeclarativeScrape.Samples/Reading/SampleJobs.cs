using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Samples.Files;
using DeclarativeScrape.Samples.Model;

namespace DeclarativeScrape.Samples.Reading
{
    /// <summary>Puts together what one sampled type's check reads: its samples' files and the item types it nests.</summary>
    internal static class SampleJobs
    {
        public static SampleJob Create(CheckedType type, ImmutableArray<SamplePage> pages, ImmutableArray<SampleExpectation> expectations, string? projectDirectory, EquatableArray<CheckedType> items, EquatableArray<TypeEncoding> encodings)
        {
            // The pages as this type's crawl decodes them: with the [PageEncoding] of the scraper that reaches it, if any.
            var encoding = PageEncodings.LabelOf(type.FullName, encodings);
            pages = pages.Where(p => p.Encoding == encoding).ToImmutableArray();
            var samples = new List<ResolvedSample>();
            foreach (var spec in type.Samples)
            {
                var candidates = SamplePaths.Candidates(spec.Path, projectDirectory, spec.DeclaringFile);
                var page = SamplePaths.Find(candidates, pages, p => p.Path);
                var expectation = page is null ? null : SamplePaths.Find(new[] { SampleTexts.ExpectedPathOf(page.Path) }, expectations, e => e.Path);
                samples.Add(new ResolvedSample(spec, page, expectation, page is null ? Missing(spec.Path, candidates, pages) : null));
            }

            return new SampleJob(type, samples.ToEquatableArray(), Reached(type, items));
        }

        // The item types nested (at any depth) in the type, by full name.
        private static EquatableArray<CheckedType> Reached(CheckedType type, EquatableArray<CheckedType> items)
        {
            var byName = new Dictionary<string, CheckedType>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                byName[item.FullName] = item;
            }

            var reached = new SortedDictionary<string, CheckedType>(StringComparer.Ordinal);
            var pending = new Stack<CheckedType>();
            pending.Push(type);
            while (pending.Count > 0)
            {
                foreach (var property in pending.Pop().Model.Properties)
                {
                    if (property.Source == SourceKind.Items && !reached.ContainsKey(property.TargetTypeName) && byName.TryGetValue(property.TargetTypeName, out var item))
                    {
                        reached[item.FullName] = item;
                        pending.Push(item);
                    }
                }
            }

            return reached.Values.ToEquatableArray();
        }

        private static string Missing(string path, List<string> candidates, ImmutableArray<SamplePage> pages)
        {
            var name = path.Replace('\\', '/');
            name = name.Substring(name.LastIndexOf('/') + 1);
            var alike = new List<string>();
            foreach (var page in pages)
            {
                if (page.Path.EndsWith("/" + name, StringComparison.OrdinalIgnoreCase))
                {
                    alike.Add(page.Path);
                }
            }

            var looked = candidates.Count == 0 ? string.Empty : "looked for '" + candidates[0] + "'";
            var advice = alike.Count > 0
                ? "; the project has '" + alike[0] + "' (write its path relative to the project directory)"
                : "; put it under the project's 'samples' folder, or add it with <AdditionalFiles Include=\"" + path + "\" />";
            return looked + advice;
        }
    }
}
