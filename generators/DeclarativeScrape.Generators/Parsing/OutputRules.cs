using System.Collections.Generic;
using System.Threading;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>
    /// Which properties an item writes to its output: every public property the type declares — extracted or not
    /// (a computed property is written too) — except those marked <c>[JsonIgnore]</c>, and except <c>[Follow]</c> links,
    /// which are navigation: a link is written only when it asks with <c>[JsonInclude]</c> (or
    /// <c>[JsonIgnore(Condition = Never)]</c>).
    /// </summary>
    internal static class OutputRules
    {
        private const string SerializationNamespace = "System.Text.Json.Serialization";

        /// <summary>Whether <paramref name="property"/> is written, given whether it is a link; reports an unsupported <c>[JsonIgnore]</c> condition.</summary>
        public static bool IsWritten(IPropertySymbol property, bool isLink, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var included = false;
            foreach (var attribute in property.GetAttributes())
            {
                if (IsSerialization(attribute.AttributeClass, "JsonIncludeAttribute"))
                {
                    included = true;
                }
                else if (IsSerialization(attribute.AttributeClass, "JsonIgnoreAttribute"))
                {
                    var arguments = new AttributeArguments(attribute, property.Locations.Length > 0 ? property.Locations[0] : Location.None, cancellationToken);
                    var condition = arguments.Named("Condition") is { Kind: TypedConstantKind.Enum, Value: int value } ? value : 1;

                    // JsonIgnoreCondition: Never = 0, Always = 1, WhenWritingDefault = 2, WhenWritingNull = 3, WhenReading = 4.
                    switch (condition)
                    {
                        case 0:
                            included = true;
                            break;
                        case 1:
                            return false;
                        default:
                            diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.UnsupportedJsonIgnoreCondition, arguments.LocationOf(arguments.NamedSyntax("Condition")), ConditionName(condition), property.Name));
                            return false;
                    }
                }
            }

            return !isLink || included;
        }

        /// <summary>
        /// A property without an extraction attribute that an item writes: a public instance property with a public
        /// getter, declared by the type; <see langword="null"/> when it is not written.
        /// </summary>
        public static PropertyModel? Computed(IPropertySymbol property, Dictionary<string, EnumModel> enums, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            if (property.IsStatic || property.IsIndexer || property.IsImplicitlyDeclared || property.DeclaredAccessibility != Accessibility.Public
                || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public } || property.ExplicitInterfaceImplementations.Length > 0
                || property.Type.TypeKind == TypeKind.Error || !IsWritten(property, isLink: false, diagnostics, cancellationToken))
            {
                return null;
            }

            var type = property.Type;
            ValueShape shape;
            ITypeSymbol element;
            if (type.SpecialType != SpecialType.System_String && EnumerableElement(type) is { } enumerated)
            {
                shape = ValueShape.List;
                element = enumerated;
            }
            else if (!ValueTypes.TrySplit(type, out shape, out element))
            {
                return null;
            }

            var isNullableValue = element.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            ValueKind kind;
            var target = string.Empty;
            if (!isNullableValue && ValueTypes.Classify(element) is { } classified)
            {
                kind = classified;
                if (kind == ValueKind.Enum && element is INamedTypeSymbol enumType)
                {
                    var described = ValueTypes.DescribeEnum(enumType);
                    enums[described.TypeName] = described;
                    target = described.TypeName;
                }
            }
            else if (KnownNames.IsOurs(element, KnownNames.Link))
            {
                kind = ValueKind.Link;
            }
            else if (KnownNames.IsSourceTypeWith(element, KnownNames.Item))
            {
                kind = ValueKind.Item;
                target = TypeDeclarations.FullName(element);
            }
            else
            {
                kind = ValueKind.Other;
            }

            return new PropertyModel(property.Name, JsonNames.For(property), SourceKind.Computed, null, null, null, null, kind, TypeDeclarations.FullName(element), target, shape, element.IsValueType && !isNullableValue, null);
        }

        /// <summary>The <c>T</c> of <c>IEnumerable&lt;T&gt;</c> when <paramref name="type"/> is or implements it.</summary>
        private static ITypeSymbol? EnumerableElement(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { IsGenericType: true } named && named.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return named.TypeArguments[0];
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.IsGenericType && implemented.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return implemented.TypeArguments[0];
                }
            }

            return null;
        }

        private static bool IsSerialization(INamedTypeSymbol? type, string name) =>
            type is { } t && t.Name == name && t.ContainingType is null && t.ContainingNamespace?.ToDisplayString() == SerializationNamespace;

        private static string ConditionName(int condition) => condition switch
        {
            2 => "JsonIgnoreCondition.WhenWritingDefault",
            3 => "JsonIgnoreCondition.WhenWritingNull",
            4 => "JsonIgnoreCondition.WhenReading",
            _ => condition.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
