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
            var generated = TypeDeclarations.CheckPartial(type, role, location, diagnostics, cancellationToken);
            if (TypeShape.Problem(type) is { } problem)
            {
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.UnsupportedTypeShape, location, type.Name, isPage ? "Page" : "Item", problem));
                generated = false;
            }

            var enums = new Dictionary<string, EnumModel>();
            var parser = new PropertyParser(context.SemanticModel.Compilation, type, diagnostics, enums, cancellationToken);
            var properties = new List<PropertyModel>();
            var unset = new List<string>();
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol property)
                {
                    continue;
                }

                if (parser.Parse(property) is { } model)
                {
                    properties.Add(model);
                }
                else if (property.IsRequired && PropertyParser.IsExtracted(property))
                {
                    // Left out of the initializer, it would be an error of its own (CS9035).
                    unset.Add(property.Name);
                }
            }

            var render = isPage ? RenderParser.Parse(type, properties, diagnostics, cancellationToken) : null;

            // A property with an error is reported and left out; the rest of the type is still generated, so that the
            // build shows that one error rather than every use of the extractor and its scraper failing with it. A type
            // with an error of its own keeps a model too (not generated): its place in the crawl graph keeps its
            // scrapers' members in place.
            var result = new ExtractableTypeModel(
                TypeDeclarations.Read(type, type.IsRecord ? "record" : "class"),
                isPage,
                isItem,
                properties.ToEquatableArray(),
                enums.Values.OrderBy(e => e.TypeName, System.StringComparer.Ordinal).ToEquatableArray(),
                HasErrors: parser.LeftOut,
                unset.ToEquatableArray(),
                generated,
                render);
            return new ParseResult<ExtractableTypeModel>(result, diagnostics.ToEquatableArray(), null);
        }
    }
}
