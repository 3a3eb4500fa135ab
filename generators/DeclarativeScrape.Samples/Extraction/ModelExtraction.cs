using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using DeclarativeScrape.Generators.Emit;
using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Samples.Model;

namespace DeclarativeScrape.Samples.Extraction
{
    /// <summary>
    /// Runs a type's extraction on a parsed sample by interpreting the generator's model of it, step for step as the
    /// generated <c>Extract</c> does (<c>PropertyExtractionEmitter</c>): the same selector set matched in one walk
    /// (<see cref="ExtractionQuery"/>), the same text, attribute, shaping (<see cref="TextShaping"/>) and pattern steps,
    /// the same counts, the same conversions (<see cref="ExtractionValues"/>, <see cref="ExtractionContext.TryResolveUrl"/>),
    /// the same links (a <c>[Follow]</c>'s or <c>[FollowLinks]</c>' <see cref="UrlRules"/> included), the same failure
    /// messages (<see cref="ExtractionMessages"/>) recorded in the same <see cref="ExtractionContext"/>. A differential
    /// test holds it to the generated extractors on the demo sites' pages. What it cannot know it does not judge: a
    /// <c>[Convert]</c> method's result (its property's text is extracted and left unchecked), and a <c>[Carried]</c>
    /// value when the sample does not say what the link to it carried. The values a page's links carry on are not
    /// computed (no verdict depends on them).
    /// </summary>
    internal sealed class ModelExtraction
    {
        private static readonly ConcurrentDictionary<string, ISelector> Selectors = new(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<LinkRulesModel, UrlRules> Rules = new();

        private readonly Dictionary<string, CheckedType> _nested = new(StringComparer.Ordinal);
        private readonly ExtractionContext _context;
        private readonly bool _carriedKnown;

        /// <param name="context">The page's context (its <see cref="ExtractionContext.Carried"/> values set when known).</param>
        /// <param name="nested">The item types the page's <c>[Items]</c> properties extract.</param>
        /// <param name="carriedKnown">
        /// Whether <paramref name="context"/> holds what the link to the page carried (<see langword="null"/> included, as
        /// for a start URL): <c>[Carried]</c> properties are then extracted as the crawl would; otherwise they are not judged.
        /// </param>
        public ModelExtraction(ExtractionContext context, IEnumerable<CheckedType> nested, bool carriedKnown)
        {
            _context = context;
            _carriedKnown = carriedKnown;
            foreach (var type in nested)
            {
                _nested[type.FullName] = type;
            }
        }

        /// <summary>Every failure recorded, in order, with its type and property.</summary>
        public List<SampleFailure> Failures { get; } = new();

        /// <summary>What each property found, by type and property name.</summary>
        public Dictionary<(string Type, string Property), PropertyObservation> Observations { get; } = new();

        public ExtractionContext Context => _context;

        /// <summary>Extracts <paramref name="type"/> from <paramref name="scope"/> as its generated <c>Extract</c> would.</summary>
        /// <returns>Whether it succeeded (the generated method returns its value, else <see langword="null"/>), and the values it got either way.</returns>
        public (bool Ok, SampleValue Value) Extract(CheckedType type, IParentNode scope)
        {
            var model = type.Model;
            var queries = new List<SelectorQuery>();
            var indexes = new int[model.Properties.Count];
            for (var i = 0; i < model.Properties.Count; i++)
            {
                var property = model.Properties[i];
                indexes[i] = -1;
                if (PropertyExtractionEmitter.IsQueried(property))
                {
                    indexes[i] = queries.Count;
                    var parsed = Selector(property.Selector!.Text);
                    queries.Add(PropertyExtractionEmitter.ReadsAll(property) ? SelectorQuery.All(parsed) : SelectorQuery.First(parsed));
                }
            }

            // [FollowLinks] take the places after the properties', as in the generated selector set.
            var followLinks = queries.Count;
            foreach (var links in model.FollowLinks)
            {
                queries.Add(SelectorQuery.All(Selector(links.Selector.Text)));
            }

            var matches = queries.Count > 0 ? ExtractionQuery.Match(scope, new SelectorSet(queries.ToArray())) : default;
            var scopeElement = ExtractionQuery.ScopeElement(scope);
            var ok = true;
            var members = new List<KeyValuePair<PropertyModel, SampleValue>>();
            for (var i = 0; i < model.Properties.Count; i++)
            {
                var property = model.Properties[i];
                if (property.Source == SourceKind.Computed)
                {
                    // Not extracted: computed by the type's own code from the others.
                    continue;
                }

                var observation = Observe(type, property);
                observation.Scope ??= scope;
                var value = property.Source switch
                {
                    SourceKind.PageUrl => SampleValue.Of(property.Kind == ValueKind.Uri ? _context.PageUrl : (object)_context.PageUrl.AbsoluteUri),
                    SourceKind.Items => Items(type, property, matches, indexes[i], scope, observation, ref ok),
                    SourceKind.Carried => Carried(type, property, scope, observation, ref ok),
                    SourceKind.Count => Count(property, matches, indexes[i], observation),
                    SourceKind.Follow when property.Rules is not null && property.Shape != ValueShape.List && indexes[i] >= 0 =>
                        FirstLinkByRules(type, property, matches, indexes[i], scope, observation, ref ok),
                    _ => Values(type, property, matches, indexes[i], scopeElement, scope, observation, ref ok),
                };
                if (property.Source == SourceKind.PageUrl)
                {
                    observation.Matched = observation.Valued = true;
                }

                members.Add(new KeyValuePair<PropertyModel, SampleValue>(property, value));
            }

            for (var i = 0; i < model.FollowLinks.Count; i++)
            {
                var links = model.FollowLinks[i];
                foreach (var element in matches.All(followLinks + i))
                {
                    if (element.GetAttribute(links.AttributeName) is { } href)
                    {
                        _ = links.Rules is { } rules
                            ? _context.AddLink<SampleLinkTarget>("FollowLinks", href, RulesOf(rules), out _)
                            : _context.AddLink<SampleLinkTarget>("FollowLinks", href, out _);
                    }
                }
            }

            return (ok, SampleValue.Object(members));
        }

        // [Count]: the number of matches, never a failure.
        private static SampleValue Count(PropertyModel property, SelectorMatches matches, int index, PropertyObservation observation)
        {
            var count = index < 0 ? 1 : matches.All(index).Length;
            observation.Matched = observation.Valued = true;
            return SampleValue.Of(property.Kind == ValueKind.Int64 ? (object)(long)count : count);
        }

        // [Carried]: what the link to the page carried, converted as if read from the page; not judged when unknown.
        private SampleValue Carried(CheckedType type, PropertyModel property, IParentNode scope, PropertyObservation observation, ref bool ok)
        {
            observation.Matched = true;
            if (!_carriedKnown)
            {
                observation.Valued = true;
                return SampleValue.Unchecked(string.Empty);
            }

            var report = property.Shape == ValueShape.Required;
            if (!_context.TryGetCarried(property.Name, out var text))
            {
                if (report)
                {
                    ok = false;
                    Fail(type, property, scope, ExtractionMessages.NotCarried);
                }

                return SampleValue.Null;
            }

            if (Convert(type, property, text) is { } converted)
            {
                observation.Valued = true;
                return converted;
            }

            if (report)
            {
                ok = false;
                Fail(type, property, scope, ExtractionMessages.NotA(text, Expected(property)));
            }

            return SampleValue.Null;
        }

        // A single [Follow] with Include/Exclude: the first element whose link passes them (links before it that do not
        // resolve are recorded); a required one fails when none does.
        private SampleValue FirstLinkByRules(CheckedType type, PropertyModel property, SelectorMatches matches, int index, IParentNode scope, PropertyObservation observation, ref bool ok)
        {
            var rules = RulesOf(property.Rules!);
            foreach (var element in matches.All(index))
            {
                observation.Matched = true;
                if (element.GetAttribute(property.AttributeName!) is not { } href)
                {
                    continue;
                }

                var before = _context.Links.Count;
                var passes = _context.AddLink<SampleLinkTarget>(property.Name, href, rules, out var link);
                observation.Links += _context.Links.Count - before;
                if (passes)
                {
                    observation.Valued = true;
                    return SampleValue.Of(link.Url);
                }

                observation.Problem ??= Rejection(href, rules);
            }

            if (property.Shape == ValueShape.Required)
            {
                ok = false;
                Fail(type, property, scope, ExtractionMessages.NoLinkPasses);
            }

            return SampleValue.Null;
        }

        private SampleValue Items(CheckedType type, PropertyModel property, SelectorMatches matches, int index, IParentNode scope, PropertyObservation observation, ref bool ok)
        {
            if (!_nested.TryGetValue(property.TargetTypeName, out var item))
            {
                // The nested type has an error of its own (reported by the generator): nothing to check through it.
                return SampleValue.Null;
            }

            if (property.Shape == ValueShape.List)
            {
                var elements = matches.All(index);
                var values = new List<SampleValue>();
                for (var i = 0; i < elements.Length; i++)
                {
                    observation.Matched = true;
                    _context.EnterNested(property.Name, i);
                    var (itemOk, value) = Extract(item, elements[i]);
                    _context.ExitNested();
                    if (itemOk)
                    {
                        values.Add(value);
                        observation.Valued = true;
                    }
                    else
                    {
                        ok = false;
                    }
                }

                return SampleValue.List(values);
            }

            var element = matches.First(index);
            if (element is null)
            {
                if (property.Shape == ValueShape.Required)
                {
                    ok = false;
                    Fail(type, property, scope, ExtractionMessages.NoElement(Selector(property.Selector!.Text)));
                }

                return SampleValue.Null;
            }

            observation.Matched = true;
            _context.EnterNested(property.Name, -1);
            var (nestedOk, nested) = Extract(item, element);
            _context.ExitNested();
            if (!nestedOk)
            {
                ok = false;
                return SampleValue.Null;
            }

            observation.Valued = true;
            return nested;
        }

        private SampleValue Values(CheckedType type, PropertyModel property, SelectorMatches matches, int index, IElement? scopeElement, IParentNode scope, PropertyObservation observation, ref bool ok)
        {
            if (property.Shape == ValueShape.List && index >= 0)
            {
                var values = new List<SampleValue>();
                foreach (var element in matches.All(index))
                {
                    observation.Matched = true;
                    if (One(type, property, element, scope, report: false, observation, ref ok) is { } value)
                    {
                        values.Add(value);
                        observation.Valued = true;
                    }
                }

                return SampleValue.List(values);
            }

            // A list reading :scope has its one element, or none; only a required value reports a missing one.
            var found = index < 0 ? scopeElement : matches.First(index);
            if (found is null)
            {
                if (property.Shape == ValueShape.Required)
                {
                    ok = false;
                    Fail(type, property, scope, index < 0 ? ExtractionMessages.NoElementMatched : ExtractionMessages.NoElement(Selector(property.Selector!.Text)));
                }

                return property.Shape == ValueShape.List ? SampleValue.List(new List<SampleValue>()) : SampleValue.Null;
            }

            observation.Matched = true;
            var one = One(type, property, found, scope, report: property.Shape == ValueShape.Required, observation, ref ok);
            if (one is not null)
            {
                observation.Valued = true;
            }

            return property.Shape == ValueShape.List
                ? SampleValue.List(one is null ? new List<SampleValue>() : new List<SampleValue> { one })
                : one ?? SampleValue.Null;
        }

        // The chain of one element: read, match the pattern, convert. A required value records the first step that fails.
        private SampleValue? One(CheckedType type, PropertyModel property, IElement element, IParentNode scope, bool report, PropertyObservation observation, ref bool ok)
        {
            var links = _context.Links.Count;
            var value = Read(type, property, element, out var problem, out var reason);
            observation.Links += _context.Links.Count - links;
            if (problem is not null)
            {
                observation.Problem ??= reason ?? problem;
                if (report)
                {
                    ok = false;
                    Fail(type, property, scope, problem);
                }
            }

            return value;
        }

        // problem: the crawl's failure message; reason: a more precise one for the hints, when there is one.
        private SampleValue? Read(CheckedType type, PropertyModel property, IElement element, out string? problem, out string? reason)
        {
            problem = null;
            reason = null;
            if (property.Source == SourceKind.Follow)
            {
                var href = element.GetAttribute(property.AttributeName!);
                if (href is null)
                {
                    problem = ExtractionMessages.NoAttribute(property.AttributeName!);
                    return null;
                }

                var rules = property.Rules is { } model ? RulesOf(model) : null;
                var added = rules is null
                    ? _context.AddLink<SampleLinkTarget>(property.Name, href, out var link)
                    : _context.AddLink<SampleLinkTarget>(property.Name, href, rules, out link);
                if (!added)
                {
                    problem = ExtractionMessages.NotA(href, "an http(s) URL");
                    reason = rules is null ? null : Rejection(href, rules);
                    return null;
                }

                return SampleValue.Of(link.Url);
            }

            string? text = property.Source switch
            {
                SourceKind.Text => ExtractionText.NormalizedText(element),
                SourceKind.Html => element.InnerHtml,
                SourceKind.OuterHtml => element.OuterHtml,
                _ => element.GetAttribute(property.AttributeName!),
            };
            if (text is null)
            {
                problem = ExtractionMessages.NoAttribute(property.AttributeName!);
                return null;
            }

            var input = text;
            if (property.Shaping is { } shaping)
            {
                if (Shape(text, shaping, out problem) is not { } shaped)
                {
                    return null;
                }

                input = shaped;
            }

            if (property.Pattern is { } pattern)
            {
                if (!ExtractionText.TryMatch(Patterns.GetOrAdd(pattern, ExtractionText.CreatePattern), input, out var matched))
                {
                    problem = ExtractionMessages.NoMatch(input);
                    return null;
                }

                input = matched;
            }

            if (property.Converter is not null)
            {
                return SampleValue.Unchecked(input);
            }

            if (Convert(type, property, input) is { } converted)
            {
                return converted;
            }

            problem = ExtractionMessages.NotA(input, Expected(property));
            return null;
        }

        // [Replace]s, then [Split], then [Trim], each on the text so far (the generated steps).
        private static string? Shape(string text, TextShapingModel shaping, out string? problem)
        {
            problem = null;
            foreach (var replacement in shaping.Replacements)
            {
                text = text.Replace(replacement.OldValue, replacement.NewValue, StringComparison.Ordinal);
            }

            if (shaping.Split is { } split)
            {
                if (!TextShaping.TrySplit(text, split.Separator, split.Index, split.Count, out var part))
                {
                    problem = ExtractionMessages.NoPart(text, split.Separator, split.Index);
                    return null;
                }

                text = part;
            }

            return shaping.TrimCharacters is { } characters ? TextShaping.Trim(text, characters) : text;
        }

        // What a value of the property's kind is, in the crawl's failure message ('abc' is not a decimal).
        private static string Expected(PropertyModel property) => ValueCode.Conversion(property, "text", string.Empty)?.What ?? "a string";

        private static ISelector Selector(string text) => Selectors.GetOrAdd(text, ExtractionSelectors.Parse);

        private static UrlRules RulesOf(LinkRulesModel rules) =>
            Rules.GetOrAdd(rules, r => UrlRules.Create(r.Include.Count == 0 ? null : r.Include, r.Exclude.Count == 0 ? null : r.Exclude));

        // Why a link the rules leave out is left out: 'a/b.pdf' → https://x/a/b.pdf: it matches the exclude pattern '**.pdf'.
        private string Rejection(string href, UrlRules rules) =>
            _context.TryResolveUrl(href, out var url) && rules.Rejection(url) is { } why
                ? "'" + href + "' (" + url.AbsoluteUri + "): " + why
                : ExtractionMessages.NotA(href, "an http(s) URL");

        private SampleValue? Convert(CheckedType type, PropertyModel property, string input)
        {
            switch (property.Kind)
            {
                case ValueKind.String:
                    return SampleValue.Of(input);
                case ValueKind.Int32:
                    return ExtractionValues.TryParseInt32(input, out var int32) ? SampleValue.Of(int32) : null;
                case ValueKind.Int64:
                    return ExtractionValues.TryParseInt64(input, out var int64) ? SampleValue.Of(int64) : null;
                case ValueKind.Decimal:
                    return ExtractionValues.TryParseDecimal(input, out var number) ? SampleValue.Of(number) : null;
                case ValueKind.Double:
                    return ExtractionValues.TryParseDouble(input, out var real) ? SampleValue.Of(real) : null;
                case ValueKind.Boolean:
                    return ExtractionValues.TryParseBoolean(input, out var boolean) ? SampleValue.Of(boolean) : null;
                case ValueKind.DateTime:
                    return ExtractionValues.TryParseDateTime(input, property.Format, out var date) ? SampleValue.Of(date) : null;
                case ValueKind.DateTimeOffset:
                    return ExtractionValues.TryParseDateTimeOffset(input, property.Format, out var offset) ? SampleValue.Of(offset) : null;
                case ValueKind.Uri:
                    return _context.TryResolveUrl(input, out var url) ? SampleValue.Of(url) : null;
                case ValueKind.Enum:
                    return EnumMember(type.Model, property, input) is { } member ? SampleValue.Of(member) : null;
                default:
                    return SampleValue.Unchecked(input);
            }
        }

        // The generated name switch: the trimmed text equals a member's name, ignoring case, in declaration order.
        private static string? EnumMember(ExtractableTypeModel owner, PropertyModel property, string input)
        {
            var trimmed = input.AsSpan().Trim();
            foreach (var type in owner.Enums)
            {
                if (type.TypeName != property.TargetTypeName)
                {
                    continue;
                }

                foreach (var member in type.Members)
                {
                    if (trimmed.Equals(member.AsSpan(), StringComparison.OrdinalIgnoreCase))
                    {
                        return member;
                    }
                }
            }

            return null;
        }

        private void Fail(CheckedType type, PropertyModel property, IParentNode scope, string message)
        {
            _context.AddFailure(property.Name, property.Selector?.Text, message);
            var failures = _context.Failures;
            Failures.Add(new SampleFailure(type, property, failures[failures.Count - 1], scope));
        }

        private PropertyObservation Observe(CheckedType type, PropertyModel property)
        {
            var key = (type.FullName, property.Name);
            if (!Observations.TryGetValue(key, out var observation))
            {
                observation = new PropertyObservation();
                Observations[key] = observation;
            }

            return observation;
        }

        /// <summary>The page type of the links a sample records: the check needs their URLs, not their target.</summary>
        private sealed class SampleLinkTarget
        {
        }
    }
}
