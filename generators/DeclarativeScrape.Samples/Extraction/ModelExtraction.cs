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
    /// (<see cref="ExtractionQuery"/>), the same text, attribute and pattern steps, the same conversions
    /// (<see cref="ExtractionValues"/>, <see cref="ExtractionContext.TryResolveUrl"/>), the same failure messages
    /// (<see cref="ExtractionMessages"/>) recorded in the same <see cref="ExtractionContext"/>. A differential test holds
    /// it to the generated extractors on the demo sites' pages. A <c>[Convert]</c> method is the one step it cannot run:
    /// its property's text is extracted and left unchecked.
    /// </summary>
    internal sealed class ModelExtraction
    {
        private static readonly ConcurrentDictionary<string, ISelector> Selectors = new(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

        private readonly Dictionary<string, CheckedType> _nested = new(StringComparer.Ordinal);
        private readonly ExtractionContext _context;

        public ModelExtraction(ExtractionContext context, IEnumerable<CheckedType> nested)
        {
            _context = context;
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
                if (property.Selector is { IsScope: false } selector)
                {
                    indexes[i] = queries.Count;
                    var parsed = Selectors.GetOrAdd(selector.Text, ExtractionSelectors.Parse);
                    queries.Add(property.Shape == ValueShape.List ? SelectorQuery.All(parsed) : SelectorQuery.First(parsed));
                }
            }

            var matches = queries.Count > 0 ? ExtractionQuery.Match(scope, new SelectorSet(queries.ToArray())) : default;
            var scopeElement = ExtractionQuery.ScopeElement(scope);
            var ok = true;
            var members = new List<KeyValuePair<PropertyModel, SampleValue>>();
            for (var i = 0; i < model.Properties.Count; i++)
            {
                var property = model.Properties[i];
                var observation = Observe(type, property);
                observation.Scope ??= scope;
                var value = property.Source switch
                {
                    SourceKind.PageUrl => SampleValue.Of(property.Kind == ValueKind.Uri ? _context.PageUrl : (object)_context.PageUrl.AbsoluteUri),
                    SourceKind.Items => Items(type, property, matches, indexes[i], scope, observation, ref ok),
                    _ => Values(type, property, matches, indexes[i], scopeElement, scope, observation, ref ok),
                };
                if (property.Source == SourceKind.PageUrl)
                {
                    observation.Matched = observation.Valued = true;
                }

                members.Add(new KeyValuePair<PropertyModel, SampleValue>(property, value));
            }

            return (ok, SampleValue.Object(members));
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
                    Fail(type, property, scope, ExtractionMessages.NoElement(Selectors.GetOrAdd(property.Selector!.Text, ExtractionSelectors.Parse)));
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
                    Fail(type, property, scope, index < 0 ? ExtractionMessages.NoElementMatched : ExtractionMessages.NoElement(Selectors.GetOrAdd(property.Selector!.Text, ExtractionSelectors.Parse)));
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
            var value = Read(type, property, element, out var problem);
            observation.Links += _context.Links.Count - links;
            if (problem is not null)
            {
                observation.Problem ??= problem;
                if (report)
                {
                    ok = false;
                    Fail(type, property, scope, problem);
                }
            }

            return value;
        }

        private SampleValue? Read(CheckedType type, PropertyModel property, IElement element, out string? problem)
        {
            problem = null;
            if (property.Source == SourceKind.Follow)
            {
                var href = element.GetAttribute(property.AttributeName!);
                if (href is null)
                {
                    problem = ExtractionMessages.NoAttribute(property.AttributeName!);
                    return null;
                }

                if (!_context.AddLink<SampleLinkTarget>(property.Name, href, out var link))
                {
                    problem = ExtractionMessages.NotA(href, "an http(s) URL");
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
            if (property.Pattern is { } pattern)
            {
                if (!ExtractionText.TryMatch(Patterns.GetOrAdd(pattern, ExtractionText.CreatePattern), text, out var matched))
                {
                    problem = ExtractionMessages.NoMatch(text);
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

            problem = ExtractionMessages.NotA(input, ValueCode.Expected(property)!);
            return null;
        }

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
