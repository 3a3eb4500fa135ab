using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>
    /// For DS0003, the supported type nearest to a property's type, carried by the diagnostic for its code fix: a
    /// <c>[Follow]</c> typed as the page becomes <c>Link&lt;TPage&gt;</c>; a value type becomes the supported type that
    /// holds every one of its values (<c>float</c> → <c>double</c>, <c>short</c> → <c>int</c>, <c>uint</c> →
    /// <c>long</c>, <c>ulong</c> → <c>decimal</c>, <c>char</c> → <c>string</c>, <c>DateOnly</c> → <c>DateTime</c>); a
    /// collection becomes <c>IReadOnlyList&lt;T&gt;</c>. Whether the value is required, optional or a list is kept
    /// (but a <c>[Count]</c>, never missing, is a plain <c>int</c> or <c>long</c>). No replacement (no fix) when there
    /// is no such type: another value type, a list of nullable values, a <c>[Follow]</c> to a type that is not a page,
    /// an <c>[Html]</c> that is not text.
    /// </summary>
    internal static class NearestType
    {
        /// <summary>The diagnostic property holding the replacement type, fully qualified (<c>global::…</c>).</summary>
        public const string Property = "NearestType";

        private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList<";

        /// <summary>The diagnostic properties for a <c>[Follow]</c> property of type <paramref name="type"/>, or <see langword="null"/>.</summary>
        public static ImmutableDictionary<string, string?>? ForFollow(ITypeSymbol type) =>
            Properties(type, element =>
                KnownNames.IsOurs(element, KnownNames.Link) ? TypeDeclarations.FullName(element)
                : KnownNames.IsSourceTypeWith(element, KnownNames.Page) && element is INamedTypeSymbol { IsGenericType: false } ? "global::DeclarativeScrape.Link<" + TypeDeclarations.FullName(element) + ">"
                : null);

        /// <summary>
        /// The diagnostic properties for a text or attribute value of type <paramref name="type"/> (only a string when
        /// <paramref name="stringOnly"/>, for <c>[Html]</c>), or <see langword="null"/>.
        /// </summary>
        public static ImmutableDictionary<string, string?>? ForValue(ITypeSymbol type, bool stringOnly) =>
            Properties(type, element =>
            {
                var nearest = ValueTypes.Classify(element) is not null ? TypeDeclarations.FullName(element) : Widened(element);
                return stringOnly && nearest != "string" ? null : nearest;
            });

        /// <summary>
        /// The diagnostic properties for a <c>[Count]</c> of type <paramref name="type"/>: an integer that always holds
        /// the count, never missing (<c>int?</c> → <c>int</c>, <c>short</c> → <c>int</c>, <c>uint</c> → <c>long</c>),
        /// or <see langword="null"/>.
        /// </summary>
        public static ImmutableDictionary<string, string?>? ForCount(ITypeSymbol type)
        {
            var value = type is INamedTypeSymbol { IsGenericType: true } nullable && nullable.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? nullable.TypeArguments[0] : type;
            var nearest = value.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 ? TypeDeclarations.FullName(value) : Widened(value);
            return nearest is "int" or "long" ? Carry(nearest) : null;
        }

        private static ImmutableDictionary<string, string?>? Carry(string? replacement) =>
            replacement is null ? null : ImmutableDictionary<string, string?>.Empty.Add(Property, replacement);

        private static ImmutableDictionary<string, string?>? Properties(ITypeSymbol type, System.Func<ITypeSymbol, string?> nearest)
        {
            string? replacement;
            if (Collection(type) is { } element)
            {
                // A list of nullable values is not supported, and dropping the '?' would change what the list holds.
                replacement = element.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || nearest(element) is not { } value ? null : ReadOnlyList + value + ">";
            }
            else if (type is INamedTypeSymbol { IsGenericType: true } nullable && nullable.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                replacement = nearest(nullable.TypeArguments[0]) is { } value ? value + "?" : null;
            }
            else
            {
                // As ValueTypes.TrySplit: a reference type is optional unless declared non-nullable.
                var optional = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
                replacement = nearest(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)) is { } value ? value + (optional ? "?" : string.Empty) : null;
            }

            return Carry(replacement);
        }

        /// <summary>The element type of an array or of a generic collection interface or class the list could replace.</summary>
        private static ITypeSymbol? Collection(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol { Rank: 1 } array)
            {
                return array.ElementType;
            }

            if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
            {
                return null;
            }

            switch (named.OriginalDefinition.SpecialType)
            {
                case SpecialType.System_Collections_Generic_IEnumerable_T:
                case SpecialType.System_Collections_Generic_IList_T:
                case SpecialType.System_Collections_Generic_ICollection_T:
                case SpecialType.System_Collections_Generic_IReadOnlyList_T:
                case SpecialType.System_Collections_Generic_IReadOnlyCollection_T:
                    return named.TypeArguments[0];
            }

            var definition = named.OriginalDefinition.ToDisplayString();
            return definition is "System.Collections.Generic.List<T>" or "System.Collections.ObjectModel.Collection<T>" or "System.Collections.ObjectModel.ReadOnlyCollection<T>"
                or "System.Collections.Immutable.ImmutableArray<T>" or "System.Collections.Immutable.ImmutableList<T>" or "System.Collections.Immutable.IImmutableList<T>"
                ? named.TypeArguments[0]
                : null;
        }

        /// <summary>The supported type that holds every value of <paramref name="type"/>, or <see langword="null"/>.</summary>
        private static string? Widened(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Single: return "double";
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16: return "int";
                case SpecialType.System_UInt32: return "long";
                case SpecialType.System_UInt64: return "decimal";
                case SpecialType.System_Char: return "string";
            }

            if (type is INamedTypeSymbol { ContainingType: null, Arity: 0, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } system)
            {
                switch (system.Name)
                {
                    case "Half": return "double";
                    case "DateOnly": return "global::System.DateTime";
                }
            }

            return null;
        }
    }
}
