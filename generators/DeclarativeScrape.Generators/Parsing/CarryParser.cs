using System.Collections.Generic;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>
    /// Reads the <c>Carry</c> of a <c>[Follow]</c> or <c>[FollowLinks]</c>: names of properties of the same type, each
    /// extracted (or itself <c>[Carried]</c>) and of a type a value can be carried as (DS0048 otherwise).
    /// </summary>
    internal static class CarryParser
    {
        /// <summary>The kinds a carried value may have: those that round-trip through their invariant text.</summary>
        public static bool IsCarriable(ValueKind kind) => kind is ValueKind.String or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Decimal
            or ValueKind.Double or ValueKind.Boolean or ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.Uri or ValueKind.Enum;

        /// <summary>Why a property type cannot be carried, or <see langword="null"/>.</summary>
        public static string? TypeProblem(ITypeSymbol type)
        {
            if (!ValueTypes.TrySplit(type, out var shape, out var element) || shape == ValueShape.List)
            {
                return "is a list: one value is carried (a string, number, bool, date, Uri or enum)";
            }

            return ValueTypes.Classify(element) is { } kind && IsCarriable(kind)
                ? null
                : "is of type '" + TypeDeclarations.ShortName(type) + "': a carried value is a string, number, bool, date, Uri or enum";
        }

        /// <returns>The valid names, in the order written.</returns>
        public static EquatableArray<string> Read(AttributeArguments arguments, INamedTypeSymbol owner, string what, List<Diagnostic> diagnostics)
        {
            var names = new List<string>();
            if (AttributeArguments.Array(arguments.Named("Carry")) is not { } values)
            {
                return EquatableArray<string>.Empty;
            }

            for (var i = 0; i < values.Length; i++)
            {
                var name = AttributeArguments.AsString(values[i]);
                var problem = Problem(name, owner);
                if (problem is null)
                {
                    names.Add(name!);
                }
                else
                {
                    diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidCarry, arguments.LocationOf(arguments.NamedElementSyntax("Carry", i)), what, name ?? "null", problem));
                }
            }

            return names.ToEquatableArray();
        }

        private static string? Problem(string? name, INamedTypeSymbol owner)
        {
            if (string.IsNullOrEmpty(name))
            {
                return "is not a property name";
            }

            foreach (var member in owner.GetMembers(name!))
            {
                if (member is IPropertySymbol property && !property.IsStatic)
                {
                    if (!PropertyParser.IsExtracted(property))
                    {
                        return "is not extracted: only a value read from the page (or itself [Carried]) can be carried";
                    }

                    return TypeProblem(property.Type);
                }
            }

            return "is not a property of '" + owner.Name + "'";
        }
    }
}
