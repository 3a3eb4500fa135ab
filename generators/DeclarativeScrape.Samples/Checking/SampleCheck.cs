using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Samples.Extraction;
using DeclarativeScrape.Samples.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Samples.Checking
{
    /// <summary>
    /// One page type's verdict on its samples: its extraction runs on each (<see cref="ModelExtraction"/>); a required
    /// value that fails is an error at its selector (DS0028), a value that differs from the expected-values file an error
    /// (DS0031); an optional value or list that gives nothing in any sample (DS0029) and a <c>[Follow]</c> that finds no
    /// link in any sample (DS0030) are warnings.
    /// </summary>
    internal static class SampleCheck
    {
        /// <summary>The URL a sample without one is taken from: links resolve against it, nothing is fetched.</summary>
        public const string PlaceholderHost = "https://sample.invalid/";

        // The crawl's "the element has no '…' attribute", around the attribute's name.
        private static readonly string[] NoAttribute = ExtractionMessages.NoAttribute("\u0000").Split('\u0000');

        public static EquatableArray<Diagnostic> Run(SampleJob job, CancellationToken cancellationToken)
        {
            var diagnostics = new List<Diagnostic>();
            var type = job.Type;
            if (!type.Model.IsGenerated)
            {
                // The type has an error of its own (reported by the generator): the crawl could not run it either.
                return EquatableArray<Diagnostic>.Empty;
            }

            var nested = new Dictionary<string, CheckedType>(StringComparer.Ordinal);
            foreach (var item in job.Nested)
            {
                nested[item.FullName] = item;
            }

            var checkedSamples = 0;
            var missing = new List<MissingValue>();
            var observations = new Dictionary<(string Type, string Property), List<PropertyObservation>>();
            var owners = new Dictionary<string, CheckedType>(StringComparer.Ordinal) { [type.FullName] = type };
            foreach (var item in job.Nested)
            {
                owners[item.FullName] = item;
            }

            foreach (var sample in job.Samples)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var spec = sample.Spec;
                if (sample.Page is not { } page)
                {
                    diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.SampleFileNotFound, spec.PathLocation, spec.Path, type.Model.Type.DisplayName, sample.Missing ?? "no additional file has this path"));
                    continue;
                }

                if (sample.Expectation is { Problem: { } problem } expectation)
                {
                    diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidExpectedValues, spec.PathLocation, ShortPath(expectation.Path), problem));
                }

                var url = spec.Url ?? sample.Expectation?.Values?.Url;
                Uri pageUrl;
                if (url is null)
                {
                    pageUrl = new Uri(PlaceholderHost + Uri.EscapeDataString(FileName(page.Path)));
                }
                else if (!Uri.TryCreate(url, UriKind.Absolute, out pageUrl!) || (pageUrl.Scheme != Uri.UriSchemeHttp && pageUrl.Scheme != Uri.UriSchemeHttps))
                {
                    diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidSampleUrl, spec.Url is null ? spec.PathLocation : spec.UrlLocation, url, spec.Path));
                    continue;
                }

                checkedSamples++;
                var context = ExtractionDocument.CreateContext(page.Document, pageUrl);
                var carried = sample.Expectation?.Values?.Carried;
                if (carried is not null)
                {
                    context.Carried = CarriedValuesOf(carried);
                }

                var extraction = new ModelExtraction(context, job.Nested, carriedKnown: carried is not null);
                var (_, value) = extraction.Extract(type, page.Document);
                ReportFailures(spec, extraction.Failures, diagnostics, missing);
                if (sample.Expectation?.Values is { } expected)
                {
                    if (expected.Value is { } expectedValue)
                    {
                        foreach (var difference in ValueComparison.Compare(type, value, expectedValue, nested))
                        {
                            if (extraction.Failures.Exists(f => f.Type.FullName == difference.Type.FullName && f.Property.Name == difference.Property.Name))
                            {
                                // Its failure is reported (DS0028): that it has no value is no second error.
                                continue;
                            }

                            diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.SampleValueDiffers, difference.Type.AnchorOf(difference.Property.Name), spec.Path, difference.Path, difference.Actual, difference.Expected));
                        }
                    }

                    CompareLinks(type, spec, extraction.Context, expected.Links, owners, diagnostics);
                }

                foreach (var observed in extraction.Observations)
                {
                    if (!observations.TryGetValue(observed.Key, out var list))
                    {
                        list = new List<PropertyObservation>();
                        observations[observed.Key] = list;
                    }

                    list.Add(observed.Value);
                }
            }

            if (checkedSamples > 0)
            {
                ReportNeverFound(type, checkedSamples, observations, owners, diagnostics);
            }

            OfferOptional(missing, diagnostics);
            return diagnostics.ToEquatableArray();
        }

        // One diagnostic per sample and property: its first failure, and how many more elements failed alike.
        private static void ReportFailures(SampleSpec spec, List<SampleFailure> failures, List<Diagnostic> diagnostics, List<MissingValue> missing)
        {
            var reported = new Dictionary<(string Type, string Property), (SampleFailure First, int Count)>();
            var order = new List<(string, string)>();
            foreach (var failure in failures)
            {
                var key = (failure.Type.FullName, failure.Property.Name);
                if (reported.TryGetValue(key, out var entry))
                {
                    reported[key] = (entry.First, entry.Count + 1);
                }
                else
                {
                    reported[key] = (failure, 1);
                    order.Add(key);
                }
            }

            foreach (var key in order)
            {
                var (first, count) = reported[key];
                var hint = first.Failure.Message == ExtractionMessages.NoElementMatched && first.Property.Selector is { IsScope: false } selector
                    ? NearestMatch.Hint(selector.Text, first.Scope)
                    : string.Empty;
                if (count > 1)
                {
                    hint += "; " + (count - 1).ToString(CultureInfo.InvariantCulture) + " more element(s) fail the same way";
                }

                var arguments = new object?[]
                {
                    spec.Path,
                    first.Failure.Property,
                    first.Failure.Selector is { } text ? "selector '" + text + "'" : first.Property.Source == SourceKind.Carried ? "the value carried to the page" : "no selector",
                    first.Failure.Message,
                    hint,
                };
                missing.Add(new MissingValue(diagnostics.Count, first.Type.AnchorOf(first.Property.Name), first.Property, key, arguments, IsAbsence(first.Failure.Message)));
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.SampleMissingValue, first.Type.AnchorOf(first.Property.Name), ImmutableProperties(first.Property), arguments));
            }
        }

        /// <summary>
        /// DS0028 offers to make the property optional (<c>int Pages</c> → <c>int? Pages</c>) when the value is only
        /// absent: nothing matched, no such attribute, no link passes, in every sample it fails in. A value that is there
        /// but does not convert or match its pattern points at a wrong selector or type, which <c>?</c> would hide.
        /// </summary>
        private static void OfferOptional(List<MissingValue> missing, List<Diagnostic> diagnostics)
        {
            var present = new HashSet<(string, string)>();
            foreach (var value in missing)
            {
                if (!value.Absent)
                {
                    present.Add(value.Key);
                }
            }

            foreach (var value in missing)
            {
                if (value.Absent && !present.Contains(value.Key) && value.Property.Shape == ValueShape.Required
                    && value.Property.Source is not (SourceKind.Carried or SourceKind.Count or SourceKind.PageUrl))
                {
                    var properties = ImmutableProperties(value.Property).Add(SampleFixProperties.MakeOptional, "true");
                    diagnostics[value.Index] = DiagnosticMessages.Create(DiagnosticDescriptors.SampleMissingValue, value.Location, properties, value.Arguments);
                }
            }
        }

        private static bool IsAbsence(string message) =>
            message == ExtractionMessages.NoElementMatched
            || message == ExtractionMessages.NoLinkPasses
            || (message.StartsWith(NoAttribute[0], StringComparison.Ordinal) && message.EndsWith(NoAttribute[1], StringComparison.Ordinal));

        private static void ReportNeverFound(CheckedType page, int samples, Dictionary<(string Type, string Property), List<PropertyObservation>> observations, Dictionary<string, CheckedType> owners, List<Diagnostic> diagnostics)
        {
            foreach (var entry in observations)
            {
                if (!owners.TryGetValue(entry.Key.Type, out var owner) || Find(owner, entry.Key.Property) is not { } property)
                {
                    continue;
                }

                var seen = entry.Value;
                var matched = seen.Exists(o => o.Matched);
                if (property.Source == SourceKind.Follow)
                {
                    // A required link that finds none fails in every sample (DS0028 there): no warning besides.
                    if (property.Shape != ValueShape.Required && !seen.Exists(o => o.Links > 0))
                    {
                        var reason = Reason(property, seen, matched);
                        diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.SampleFollowFindsNoLink, owner.AnchorOf(property.Name), property.Name, property.Selector?.Text ?? string.Empty, samples.ToString(CultureInfo.InvariantCulture), page.Model.Type.DisplayName, reason.Text, reason.Hint));
                    }
                }
                else if (property.Shape != ValueShape.Required && property.Source is not (SourceKind.PageUrl or SourceKind.Carried) && !seen.Exists(o => o.Valued)
                    && !(property.Source == SourceKind.Items && matched))
                {
                    // (Nested items that match but fail have reported their own failures.)
                    var reason = Reason(property, seen, matched);
                    diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.SampleOptionalNeverFound, owner.AnchorOf(property.Name), ImmutableProperties(property), property.Name, property.Selector?.Text ?? string.Empty, samples.ToString(CultureInfo.InvariantCulture), page.Model.Type.DisplayName, reason.Text, reason.Hint));
                }
            }
        }

        private static CarriedValues CarriedValuesOf(IReadOnlyList<KeyValuePair<string, string?>> carried)
        {
            var names = new string[carried.Count];
            var values = new string?[carried.Count];
            for (var i = 0; i < carried.Count; i++)
            {
                names[i] = carried[i].Key;
                values[i] = carried[i].Value;
            }

            return CarriedValues.Create(names, values);
        }

        private static (string Text, string Hint) Reason(PropertyModel property, List<PropertyObservation> seen, bool matched)
        {
            if (matched)
            {
                var problem = seen.Find(o => o.Problem is not null)?.Problem;
                return (problem is null ? "it matches, but gives no value" : "what it matches gives no value (" + problem + ")", string.Empty);
            }

            var scope = seen.Find(o => o.Scope is not null)?.Scope;
            return (ExtractionMessages.NoElementMatched, scope is not null && property.Selector is { IsScope: false } selector ? NearestMatch.Hint(selector.Text, scope) : string.Empty);
        }

        private static void CompareLinks(CheckedType type, SampleSpec spec, ExtractionContext context, IReadOnlyDictionary<string, IReadOnlyList<string>> expected, Dictionary<string, CheckedType> owners, List<Diagnostic> diagnostics)
        {
            if (expected.Count == 0)
            {
                return;
            }

            var actual = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var link in context.Links)
            {
                if (!actual.TryGetValue(link.Property, out var urls))
                {
                    urls = new List<string>();
                    actual[link.Property] = urls;
                }

                urls.Add(link.Url?.AbsoluteUri ?? link.Href);
            }

            foreach (var entry in expected)
            {
                actual.TryGetValue(entry.Key, out var urls);
                urls ??= new List<string>();
                if (Same(urls, entry.Value))
                {
                    continue;
                }

                var (owner, property) = Resolve(type, entry.Key, owners);
                diagnostics.Add(DiagnosticMessages.Create(
                    DiagnosticDescriptors.SampleValueDiffers,
                    property is null ? type.Location : owner.AnchorOf(property.Name),
                    spec.Path,
                    entry.Key + " (links)",
                    Links(urls),
                    Links(entry.Value)));
            }
        }

        // A link's property path (Books, Cards[2].Book) to the type and property that found it.
        private static (CheckedType Owner, PropertyModel? Property) Resolve(CheckedType type, string path, Dictionary<string, CheckedType> owners)
        {
            var owner = type;
            var segments = path.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                var name = segments[i];
                var bracket = name.IndexOf('[');
                if (bracket >= 0)
                {
                    name = name.Substring(0, bracket);
                }

                var property = Find(owner, name);
                if (property is null || i == segments.Length - 1)
                {
                    return (owner, property);
                }

                if (!owners.TryGetValue(property.TargetTypeName, out var next))
                {
                    return (owner, property);
                }

                owner = next;
            }

            return (owner, null);
        }

        private static PropertyModel? Find(CheckedType type, string name)
        {
            foreach (var property in type.Model.Properties)
            {
                if (property.Name == name)
                {
                    return property;
                }
            }

            return null;
        }

        private static bool Same(List<string> actual, IReadOnlyList<string> expected)
        {
            if (actual.Count != expected.Count)
            {
                return false;
            }

            for (var i = 0; i < actual.Count; i++)
            {
                if (actual[i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static string Links(IReadOnlyList<string> urls) =>
            urls.Count == 0 ? "no link" : urls.Count + " link(s), the first '" + urls[0] + "'";

        // What the code fixes need: which property, to make it nullable.
        private static System.Collections.Immutable.ImmutableDictionary<string, string?> ImmutableProperties(PropertyModel property) =>
            System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(SampleFixProperties.Property, property.Name);

        /// <summary>A DS0028 of one sample, made once every sample is checked (whether to offer the fix depends on them all).</summary>
        private sealed record MissingValue(int Index, Location Location, PropertyModel Property, (string Type, string Property) Key, object?[] Arguments, bool Absent);

        private static string FileName(string path) => path.Substring(path.LastIndexOf('/') + 1);

        private static string ShortPath(string path) => FileName(path);
    }
}
