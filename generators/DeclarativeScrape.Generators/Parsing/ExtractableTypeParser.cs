using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>Parses a <c>[Page]</c> or <c>[Item]</c> type into an <see cref="ExtractableTypeModel"/>.</summary>
    internal static class ExtractableTypeParser
    {
        /// <param name="context">The attributed type.</param>
        /// <param name="fromPageProvider">Whether the call comes from the <c>[Page]</c> provider; the <c>[Item]</c> provider leaves <c>[Page, Item]</c> types to it.</param>
        /// <param name="cancellationToken">Cancels the work.</param>
        public static ParseResult<ExtractableTypeModel> Parse(GeneratorAttributeSyntaxContext context, bool fromPageProvider, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type)
            {
                return ParseResult<ExtractableTypeModel>.Nothing;
            }

            var isPage = KnownNames.Find(type, KnownNames.Page) is not null;
            var isItem = KnownNames.Find(type, KnownNames.Item) is not null;
            if ((!fromPageProvider && isPage) || !KnownNames.IsFirstMarkedDeclaration(type, fromPageProvider ? KnownNames.Page : KnownNames.Item, context.TargetNode, cancellationToken))
            {
                return ParseResult<ExtractableTypeModel>.Nothing;
            }

            var role = isPage ? "[Page]" : "[Item]";
            var diagnostics = new List<Diagnostic>();
            var location = TypeDeclarations.IdentifierLocation(context.TargetNode);
            var ok = TypeDeclarations.CheckPartial(type, role, location, diagnostics, cancellationToken);
            if (ShapeProblem(type) is { } problem)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedTypeShape, location, type.Name, isPage ? "Page" : "Item", problem));
                ok = false;
            }

            var enums = new Dictionary<string, EnumModel>();
            var parser = new PropertyParser(context.SemanticModel.Compilation, type, diagnostics, enums, cancellationToken);
            var properties = new List<PropertyModel>();
            var unset = new List<string>();
            var reported = diagnostics.Count;
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol property)
                {
                    continue;
                }

                var before = diagnostics.Count;
                if (parser.Parse(property) is { } model)
                {
                    properties.Add(model);
                }
                else if (isItem && diagnostics.Count == before && !PropertyParser.IsExtracted(property))
                {
                    // An item writes its other public properties too (computed ones), unless they are [JsonIgnore].
                    if (OutputRules.Computed(property, enums, diagnostics, cancellationToken) is { } computed)
                    {
                        properties.Add(computed);
                    }
                }
                else if (property.IsRequired && PropertyParser.IsExtracted(property))
                {
                    // Left out of the initializer, it would be an error of its own (CS9035).
                    unset.Add(property.Name);
                }
            }

            var followLinks = FollowLinksParser.Read(type, location, diagnostics, cancellationToken);

            // A property with an error is reported and left out; the rest of the type is still generated, so that the
            // build shows that one error rather than every use of the extractor and its scraper failing with it.
            var result = ok
                ? new ExtractableTypeModel(
                    TypeDeclarations.Read(type, type.IsRecord ? "record" : "class"),
                    isPage,
                    isItem,
                    properties.ToEquatableArray(),
                    enums.Values.OrderBy(e => e.TypeName, System.StringComparer.Ordinal).ToEquatableArray(),
                    HasErrors: diagnostics.Count != reported,
                    unset.ToEquatableArray())
                {
                    FollowLinks = followLinks.ToEquatableArray(),
                }
                : null;
            return new ParseResult<ExtractableTypeModel>(result, diagnostics.ToEquatableArray(), null);
        }

        private static string? ShapeProblem(INamedTypeSymbol type)
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

            if (!type.InstanceConstructors.Any(c => c.Parameters.Length == 0))
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
