using System.Collections.Generic;
using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>Classifies property types: their shape (required, optional, list) and the kind of one value.</summary>
    internal static class ValueTypes
    {
        public const string SupportedScalars = "string, int, long, decimal, double, bool, DateTime, DateTimeOffset, Uri, an enum, their nullable forms and IReadOnlyList<T> of them (or use [Convert])";

        /// <summary>Splits a property type into its shape and the type of one value.</summary>
        /// <returns><see langword="false"/> for a list of nullable values, which is not supported.</returns>
        public static bool TrySplit(ITypeSymbol type, out ValueShape shape, out ITypeSymbol element)
        {
            if (type is INamedTypeSymbol { IsGenericType: true } named
                && named.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T)
            {
                shape = ValueShape.List;
                element = named.TypeArguments[0];
                if (element.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                {
                    return false;
                }

                element = element.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
                return true;
            }

            if (type is INamedTypeSymbol { IsGenericType: true } nullable
                && nullable.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                shape = ValueShape.Optional;
                element = nullable.TypeArguments[0];
                return true;
            }

            // A reference type is required only when declared non-nullable in a nullable-enabled context.
            shape = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated ? ValueShape.Optional : ValueShape.Required;
            element = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            return true;
        }

        /// <summary>The kind of a built-in scalar, or <see langword="null"/>.</summary>
        public static ValueKind? Classify(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_String: return ValueKind.String;
                case SpecialType.System_Int32: return ValueKind.Int32;
                case SpecialType.System_Int64: return ValueKind.Int64;
                case SpecialType.System_Decimal: return ValueKind.Decimal;
                case SpecialType.System_Double: return ValueKind.Double;
                case SpecialType.System_Boolean: return ValueKind.Boolean;
                case SpecialType.System_DateTime: return ValueKind.DateTime;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return ValueKind.Enum;
            }

            if (type is INamedTypeSymbol { ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } system)
            {
                if (system.Name == "DateTimeOffset" && system.Arity == 0)
                {
                    return ValueKind.DateTimeOffset;
                }

                if (system.Name == "Uri" && system.Arity == 0)
                {
                    return ValueKind.Uri;
                }
            }

            return null;
        }

        public static EnumModel DescribeEnum(INamedTypeSymbol type)
        {
            var members = new List<string>();
            var seen = new HashSet<object>();
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsConst: true, HasConstantValue: true, ConstantValue: { } value } field && seen.Add(value))
                {
                    members.Add(field.Name);
                }
            }

            var underlying = type.EnumUnderlyingType is { } u ? TypeDeclarations.FullName(u) : "int";
            return new EnumModel(TypeDeclarations.FullName(type), type.Name, underlying, members.ToEquatableArray());
        }
    }
}
