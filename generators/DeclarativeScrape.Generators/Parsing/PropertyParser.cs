using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Generators.Selectors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>Turns one attributed property into a <see cref="PropertyModel"/>, reporting what is wrong with it.</summary>
    internal sealed class PropertyParser
    {
        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol _owner;
        private readonly List<Diagnostic> _diagnostics;
        private readonly Dictionary<string, EnumModel> _enums;
        private readonly CancellationToken _cancellationToken;

        public PropertyParser(Compilation compilation, INamedTypeSymbol owner, List<Diagnostic> diagnostics, Dictionary<string, EnumModel> enums, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _owner = owner;
            _diagnostics = diagnostics;
            _enums = enums;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Whether <paramref name="property"/> has an extraction attribute.</summary>
        public static bool IsExtracted(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (SourceOf(attribute.AttributeClass) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a property was left out for an error: reported here, by the compiler, or on the type it uses (a
        /// nested item type that cannot be generated).
        /// </summary>
        public bool LeftOut { get; private set; }

        /// <returns>The model, or <see langword="null"/> when the property is not extracted or has an error.</returns>
        public PropertyModel? Parse(IPropertySymbol property)
        {
            var reported = _diagnostics.Count;
            var model = ParseProperty(property);
            if (model is null && (_diagnostics.Count != reported || IsExtracted(property)))
            {
                LeftOut = true;
            }

            return model;
        }

        private PropertyModel? ParseProperty(IPropertySymbol property)
        {
            AttributeData? source = null;
            SourceKind kind = default;
            AttributeData? match = null, format = null, convert = null;
            var shaping = new List<AttributeData>();
            var fallback = property.Locations.Length > 0 ? property.Locations[0] : Location.None;
            foreach (var attribute in property.GetAttributes())
            {
                var type = attribute.AttributeClass;
                if (SourceOf(type) is { } sourceKind)
                {
                    if (source is not null)
                    {
                        Report(DiagnosticDescriptors.ConflictingAttributes, Arguments(attribute, fallback).Location, property.Name, Short(source), Short(attribute));
                        continue;
                    }

                    source = attribute;
                    kind = sourceKind;
                }
                else if (KnownNames.IsOurs(type, KnownNames.Match))
                {
                    match = attribute;
                }
                else if (KnownNames.IsOurs(type, KnownNames.Format))
                {
                    format = attribute;
                }
                else if (KnownNames.IsOurs(type, KnownNames.Convert))
                {
                    convert = attribute;
                }
                else if (TextShapingParser.IsShaping(type))
                {
                    shaping.Add(attribute);
                }
            }

            if (source is null)
            {
                foreach (var modifier in new[] { match, format, convert }.Concat(shaping))
                {
                    if (modifier is not null)
                    {
                        Report(DiagnosticDescriptors.ModifierWithoutSource, Arguments(modifier, fallback).Location, Short(modifier), property.Name);
                    }
                }

                return null;
            }

            var sourceArguments = Arguments(source, fallback);
            var typeLocation = TypeLocation(property) ?? fallback;
            if (property.IsStatic || property.IsIndexer || property.GetMethod is null || property.SetMethod is null)
            {
                Report(DiagnosticDescriptors.PropertyNotSettable, fallback, property.Name);
                return null;
            }

            if (property.Type.TypeKind == TypeKind.Error || !sourceArguments.IsBound)
            {
                // The compiler reports these; generating against them would only add noise.
                return null;
            }

            var failuresBefore = _diagnostics.Count;
            if (!ValueTypes.TrySplit(property.Type, out var shape, out var element))
            {
                Report(DiagnosticDescriptors.UnsupportedPropertyType, typeLocation, property.Name, TypeDeclarations.ShortName(property.Type), Short(source), "list elements must not be nullable");
                return null;
            }

            var model = kind switch
            {
                SourceKind.PageUrl => ParsePageUrl(property, element, shape, typeLocation),
                SourceKind.Items => ParseItems(property, sourceArguments, element, shape, typeLocation),
                SourceKind.Follow => ParseFollow(property, sourceArguments, element, shape, typeLocation),
                SourceKind.Count => ParseCount(property, sourceArguments, element, shape, typeLocation),
                SourceKind.Carried => ParseCarried(property, element, typeLocation),
                _ => ParseText(property, kind, sourceArguments, element, shape, match, format, convert, typeLocation),
            };

            if (kind is SourceKind.PageUrl or SourceKind.Items or SourceKind.Follow or SourceKind.Count or SourceKind.Carried)
            {
                foreach (var modifier in new[] { match, convert }.Concat(shaping))
                {
                    if (modifier is not null)
                    {
                        Report(DiagnosticDescriptors.ModifierWithoutSource, Arguments(modifier, fallback).Location, Short(modifier), property.Name);
                    }
                }

                if (format is not null)
                {
                    Report(DiagnosticDescriptors.FormatOnNonDate, Arguments(format, fallback).Location, property.Name, TypeDeclarations.ShortName(property.Type));
                }
            }

            var shapingModel = kind is SourceKind.Text or SourceKind.Attr or SourceKind.Html or SourceKind.OuterHtml
                ? TextShapingParser.Read(shaping, property.Name, fallback, _diagnostics, _cancellationToken)
                : null;
            var written = OutputRules.IsWritten(property, kind == SourceKind.Follow, _diagnostics, _cancellationToken);
            if (_diagnostics.Count != failuresBefore || model is null)
            {
                return null;
            }

            return model.IsWritten == written && shapingModel is null ? model : model with { IsWritten = written, Shaping = shapingModel };
        }

        private PropertyModel? ParseCarried(IPropertySymbol property, ITypeSymbol element, Location fallback)
        {
            if (CarryParser.TypeProblem(property.Type) is { } problem)
            {
                Report(DiagnosticDescriptors.UnsupportedPropertyType, fallback, property.Name, TypeDeclarations.ShortName(property.Type), "Carried", "it " + problem);
                return null;
            }

            ValueTypes.TrySplit(property.Type, out var shape, out _);
            var kind = ValueTypes.Classify(element)!.Value;
            var enumName = string.Empty;
            if (kind == ValueKind.Enum && element is INamedTypeSymbol enumType)
            {
                var described = ValueTypes.DescribeEnum(enumType);
                _enums[described.TypeName] = described;
                enumName = described.TypeName;
            }

            return new PropertyModel(property.Name, JsonNames.For(property), SourceKind.Carried, null, null, null, null, kind, TypeDeclarations.FullName(element), enumName, shape, element.IsValueType, null);
        }

        private PropertyModel? ParseCount(IPropertySymbol property, AttributeArguments arguments, ITypeSymbol element, ValueShape shape, Location fallback)
        {
            var selector = SelectorValidation.Check(arguments.ConstructorString(0), property.Name, SourceKind.Count, arguments, 0, _diagnostics);
            var kind = ValueTypes.Classify(element);
            if (shape != ValueShape.Required || kind is not (ValueKind.Int32 or ValueKind.Int64))
            {
                Report(DiagnosticDescriptors.UnsupportedPropertyType, fallback, NearestType.ForCount(property.Type), property.Name, TypeDeclarations.ShortName(property.Type), "Count", "a count is an int or a long (0 when nothing matches, never missing)");
                return null;
            }

            return new PropertyModel(property.Name, JsonNames.For(property), SourceKind.Count, selector, null, null, null, kind.Value, TypeDeclarations.FullName(element), string.Empty, shape, true, null);
        }

        private PropertyModel? ParseText(IPropertySymbol property, SourceKind kind, AttributeArguments arguments, ITypeSymbol element, ValueShape shape, AttributeData? match, AttributeData? format, AttributeData? convert, Location fallback)
        {
            var selector = SelectorValidation.Check(arguments.ConstructorString(0), property.Name, kind, arguments, 0, _diagnostics);
            string? attributeName = null;
            if (kind == SourceKind.Attr)
            {
                attributeName = arguments.ConstructorString(1);
                CheckAttributeName(attributeName, property.Name, arguments.LocationOf(arguments.ConstructorSyntax(1)));
            }

            ConverterModel? converter = null;
            ValueKind valueKind;
            if (convert is not null)
            {
                converter = ResolveConverter(convert, element, property.Name, fallback);
                valueKind = ValueTypes.Classify(element) ?? ValueKind.Other;
            }
            else if (ValueTypes.Classify(element) is { } classified)
            {
                valueKind = classified;
                if (kind is SourceKind.Html or SourceKind.OuterHtml && valueKind != ValueKind.String)
                {
                    Report(DiagnosticDescriptors.UnsupportedPropertyType, fallback, NearestType.ForValue(property.Type, stringOnly: true), property.Name, TypeDeclarations.ShortName(property.Type), Short(arguments), "it gives a string (or a list of strings); use [Convert] for another type");
                    return null;
                }
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedPropertyType, fallback, NearestType.ForValue(property.Type, stringOnly: kind is SourceKind.Html or SourceKind.OuterHtml), property.Name, TypeDeclarations.ShortName(property.Type), Short(arguments), "supported are " + ValueTypes.SupportedScalars);
                return null;
            }

            string? pattern = null;
            if (match is not null)
            {
                var matchArguments = Arguments(match, fallback);
                pattern = matchArguments.ConstructorString(0);
                CheckPattern(pattern, property.Name, matchArguments);
            }

            string? formatText = null;
            if (format is not null)
            {
                var formatArguments = Arguments(format, fallback);
                formatText = formatArguments.ConstructorString(0);
                if (converter is not null || kind is not (SourceKind.Text or SourceKind.Attr) || valueKind is not (ValueKind.DateTime or ValueKind.DateTimeOffset))
                {
                    Report(DiagnosticDescriptors.FormatOnNonDate, formatArguments.Location, property.Name, TypeDeclarations.ShortName(property.Type));
                }
                else if (DateFormats.Problem(formatText, valueKind == ValueKind.DateTimeOffset) is { } problem)
                {
                    Report(DiagnosticDescriptors.InvalidDateFormat, formatArguments.LocationOf(formatArguments.ConstructorSyntax(0)), formatText ?? "null", property.Name, problem);
                }
            }

            var enumName = string.Empty;
            if (valueKind == ValueKind.Enum && element is INamedTypeSymbol enumType)
            {
                var described = ValueTypes.DescribeEnum(enumType);
                _enums[described.TypeName] = described;
                enumName = described.TypeName;
            }

            return new PropertyModel(property.Name, JsonNames.For(property), kind, selector, attributeName, pattern, formatText, valueKind, TypeDeclarations.FullName(element), enumName, shape, element.IsValueType, converter);
        }

        private PropertyModel? ParsePageUrl(IPropertySymbol property, ITypeSymbol element, ValueShape shape, Location fallback)
        {
            var kind = ValueTypes.Classify(element);
            if (shape == ValueShape.List || kind is not (ValueKind.String or ValueKind.Uri))
            {
                Report(DiagnosticDescriptors.PageUrlOnUnsupportedType, fallback, property.Name, TypeDeclarations.ShortName(property.Type));
                return null;
            }

            return new PropertyModel(property.Name, JsonNames.For(property), SourceKind.PageUrl, null, null, null, null, kind.Value, TypeDeclarations.FullName(element), string.Empty, shape, false, null);
        }

        private PropertyModel? ParseItems(IPropertySymbol property, AttributeArguments arguments, ITypeSymbol element, ValueShape shape, Location fallback)
        {
            var selector = SelectorValidation.Check(arguments.ConstructorString(0), property.Name, SourceKind.Items, arguments, 0, _diagnostics);
            if (selector is { IsScope: true })
            {
                Report(DiagnosticDescriptors.ItemsSelectScope, arguments.LocationOf(arguments.ConstructorSyntax(0)), selector.Text, property.Name);
                return null;
            }

            if (!KnownNames.IsSourceTypeWith(element, KnownNames.Item))
            {
                Report(DiagnosticDescriptors.ItemsTargetNotItem, fallback, property.Name, TypeDeclarations.ShortName(element));
                return null;
            }

            if (!TypeShape.CanGenerate((INamedTypeSymbol)element, _cancellationToken))
            {
                // The item type reports its own error; without its extractor this property is left out.
                return null;
            }

            var name = TypeDeclarations.FullName(element);
            return new PropertyModel(property.Name, JsonNames.For(property), SourceKind.Items, selector, null, null, null, ValueKind.Item, name, name, shape, element.IsValueType, null);
        }

        private PropertyModel? ParseFollow(IPropertySymbol property, AttributeArguments arguments, ITypeSymbol element, ValueShape shape, Location fallback)
        {
            var selector = SelectorValidation.Check(arguments.ConstructorString(0), property.Name, SourceKind.Follow, arguments, 0, _diagnostics);
            var attributeName = "href";
            if (arguments.Named("Attribute") is not null)
            {
                attributeName = arguments.NamedString("Attribute") ?? string.Empty;
                CheckAttributeName(arguments.NamedString("Attribute"), property.Name, arguments.LocationOf(arguments.NamedSyntax("Attribute")));
            }

            if (!KnownNames.IsOurs(element, KnownNames.Link) || element is not INamedTypeSymbol { TypeArguments.Length: 1 } link)
            {
                Report(DiagnosticDescriptors.UnsupportedPropertyType, fallback, NearestType.ForFollow(property.Type), property.Name, TypeDeclarations.ShortName(property.Type), "Follow", "a [Follow] property is Link<TPage>, Link<TPage>? or IReadOnlyList<Link<TPage>>");
                return null;
            }

            var target = link.TypeArguments[0];
            if (!KnownNames.IsSourceTypeWith(target, KnownNames.Page))
            {
                Report(DiagnosticDescriptors.FollowTargetNotPage, fallback, property.Name, TypeDeclarations.ShortName(target));
                return null;
            }

            if (!SymbolEqualityComparer.Default.Equals(target, target.OriginalDefinition))
            {
                // A constructed generic page type reports its own error (DS0020) and has no place in the crawl graph.
                return null;
            }

            return new PropertyModel(property.Name, JsonNames.For(property), SourceKind.Follow, selector, attributeName, null, null, ValueKind.Link, TypeDeclarations.FullName(element), TypeDeclarations.FullName(target), shape, true, null)
            {
                Rules = LinkRulesParser.Read(arguments, "'" + property.Name + "'", _diagnostics),
                Carry = CarryParser.Read(arguments, _owner, "[Follow] '" + property.Name + "'", _diagnostics),
            };
        }

        private ConverterModel? ResolveConverter(AttributeData convert, ITypeSymbol element, string propertyName, Location fallback)
        {
            var arguments = Arguments(convert, fallback);
            var type = arguments.ConstructorType(0) as INamedTypeSymbol;
            var methodName = arguments.ConstructorString(1);
            var location = arguments.LocationOf(arguments.ConstructorSyntax(1) ?? arguments.ConstructorSyntax(0));
            var elementName = TypeDeclarations.ShortName(element);
            if (type is null || type.TypeKind == TypeKind.Error || string.IsNullOrEmpty(methodName))
            {
                Report(DiagnosticDescriptors.InvalidConverter, location, (type?.Name ?? "?") + "." + (methodName ?? "?"), propertyName, type is null ? "has no converter type" : "has no method name", elementName, methodName ?? "Name");
                return null;
            }

            var display = type.Name + "." + methodName;
            var found = false;
            foreach (var member in type.GetMembers(methodName!))
            {
                if (member is not IMethodSymbol { IsStatic: true, IsGenericMethod: false } method)
                {
                    continue;
                }

                found = true;
                var parameters = method.Parameters;
                var returns = parameters.Length == 1
                    && IsPlainString(parameters[0])
                    && SymbolEqualityComparer.Default.Equals(method.ReturnType, element);
                var tries = parameters.Length == 2
                    && IsPlainString(parameters[0])
                    && parameters[1].RefKind == RefKind.Out
                    && SymbolEqualityComparer.Default.Equals(parameters[1].Type, element)
                    && method.ReturnType.SpecialType == SpecialType.System_Boolean;
                if (!returns && !tries)
                {
                    continue;
                }

                if (!_compilation.IsSymbolAccessibleWithin(type, _owner) || !_compilation.IsSymbolAccessibleWithin(method, _owner))
                {
                    Report(DiagnosticDescriptors.InvalidConverter, location, display, propertyName, "is not accessible from '" + _owner.Name + "'", elementName, methodName!);
                    return null;
                }

                return new ConverterModel(TypeDeclarations.FullName(type), methodName!, display, tries);
            }

            Report(DiagnosticDescriptors.InvalidConverter, location, display, propertyName, found ? "has the wrong signature" : "was not found", elementName, methodName!);
            return null;
        }

        private void CheckPattern(string? pattern, string propertyName, AttributeArguments arguments)
        {
            var location = arguments.LocationOf(arguments.ConstructorSyntax(0));
            if (pattern is null)
            {
                Report(DiagnosticDescriptors.InvalidPattern, location, propertyName, "the pattern is null");
                return;
            }

            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException exception)
            {
                Report(DiagnosticDescriptors.InvalidPattern, location, propertyName, exception.Message);
            }
        }

        private void CheckAttributeName(string? name, string propertyName, Location location)
        {
            string? problem = null;
            if (name is null)
            {
                problem = "it is null";
            }
            else if (name.Length == 0)
            {
                problem = "it is empty";
            }
            else
            {
                foreach (var c in name)
                {
                    if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or '>' or '/' or '=' || char.IsSurrogate(c))
                    {
                        problem = "HTML attribute names cannot contain whitespace, control characters, quotes, '>', '/' or '='";
                        break;
                    }
                }
            }

            if (problem is not null)
            {
                Report(DiagnosticDescriptors.InvalidAttributeName, location, name ?? "null", propertyName, problem);
            }
        }

        private Location? TypeLocation(IPropertySymbol property)
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(_cancellationToken) is PropertyDeclarationSyntax declaration)
                {
                    return declaration.Type.GetLocation();
                }
            }

            return null;
        }

        private static bool IsPlainString(IParameterSymbol parameter) =>
            parameter.RefKind == RefKind.None && parameter.Type.SpecialType == SpecialType.System_String;

        private static SourceKind? SourceOf(INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            return type.Name switch
            {
                KnownNames.Text when KnownNames.IsOurs(type, KnownNames.Text) => SourceKind.Text,
                KnownNames.Attr when KnownNames.IsOurs(type, KnownNames.Attr) => SourceKind.Attr,
                KnownNames.Html when KnownNames.IsOurs(type, KnownNames.Html) => SourceKind.Html,
                KnownNames.OuterHtml when KnownNames.IsOurs(type, KnownNames.OuterHtml) => SourceKind.OuterHtml,
                KnownNames.PageUrl when KnownNames.IsOurs(type, KnownNames.PageUrl) => SourceKind.PageUrl,
                KnownNames.Items when KnownNames.IsOurs(type, KnownNames.Items) => SourceKind.Items,
                KnownNames.Follow when KnownNames.IsOurs(type, KnownNames.Follow) => SourceKind.Follow,
                KnownNames.Count when KnownNames.IsOurs(type, KnownNames.Count) => SourceKind.Count,
                KnownNames.Carried when KnownNames.IsOurs(type, KnownNames.Carried) => SourceKind.Carried,
                _ => null,
            };
        }

        private static string Short(AttributeData attribute)
        {
            var name = attribute.AttributeClass?.Name ?? "?";
            return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        private string Short(AttributeArguments arguments) =>
            arguments.Syntax?.Name is { } name ? Unqualified(name) : "attribute";

        private static string Unqualified(NameSyntax name)
        {
            var text = name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : name is SimpleNameSyntax simple ? simple.Identifier.ValueText : name.ToString();
            return text.EndsWith("Attribute", StringComparison.Ordinal) ? text.Substring(0, text.Length - "Attribute".Length) : text;
        }

        private AttributeArguments Arguments(AttributeData attribute, Location fallback) =>
            new AttributeArguments(attribute, fallback, _cancellationToken);

        private void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
        {
            _diagnostics.Add(DiagnosticMessages.Create(descriptor, location, arguments));
        }

        private void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object?[] arguments)
        {
            _diagnostics.Add(DiagnosticMessages.Create(descriptor, location, properties, arguments));
        }
    }
}
