using System.Threading;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>
    /// Whether the generator can add the extraction members to a <c>[Page]</c>/<c>[Item]</c> type: it and its containing
    /// types are <c>partial</c>, and its shape allows a generated <c>new T { ... }</c>. The type reports what is wrong
    /// (DS0001, DS0020); a type that uses it (a nested <c>[Items]</c> property) only needs to know, to leave it out.
    /// </summary>
    internal static class TypeShape
    {
        /// <summary>Whether the extraction members of <paramref name="type"/> can be generated.</summary>
        public static bool CanGenerate(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (!TypeDeclarations.IsPartial(t, cancellationToken))
                {
                    return false;
                }
            }

            return Problem(type) is null;
        }

        /// <summary>Why <paramref name="type"/> cannot be a page or item type (DS0020), or <see langword="null"/>.</summary>
        public static string? Problem(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.IsGenericType)
                {
                    return SymbolEqualityComparer.Default.Equals(t, type) ? "generic types are not supported" : "it is nested in the generic type '" + t.Name + "'";
                }
            }

            if (type.IsStatic)
            {
                return "it is static";
            }

            if (type.IsAbstract)
            {
                return "it is abstract";
            }

            var constructible = false;
            foreach (var constructor in type.InstanceConstructors)
            {
                constructible |= constructor.Parameters.Length == 0;
            }

            if (!constructible)
            {
                return "it has no parameterless constructor (a positional record needs one, or use init properties)";
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    var required = member switch
                    {
                        IPropertySymbol { IsRequired: true } property => !(SymbolEqualityComparer.Default.Equals(t, type) && PropertyParser.IsExtracted(property)),
                        IFieldSymbol { IsRequired: true } => true,
                        _ => false,
                    };
                    if (required)
                    {
                        return "its required member '" + member.Name + "' has no extraction attribute, so the generated extractor cannot set it";
                    }
                }
            }

            return null;
        }
    }
}
