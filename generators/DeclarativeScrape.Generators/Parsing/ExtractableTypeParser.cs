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
            if ((!fromPageProvider && isPage) || !KnownNames.IsFirstMarkedDeclaration(type, fromPageProvider ? KnownNames.Page : KnownNames.Item, context.TargetNode, cancellationToken))
            {
                return ParseResult<ExtractableTypeModel>.Nothing;
            }

            return Read(type, context.TargetNode, context.SemanticModel.Compilation, cancellationToken);
        }

        /// <summary>Reads <paramref name="type"/>, a <c>[Page]</c> and/or <c>[Item]</c> type declared (first) at <paramref name="declaration"/>.</summary>
        /// <param name="type">The type.</param>
        /// <param name="declaration">The declaration that type-level diagnostics point at.</param>
        /// <param name="compilation">The compilation it belongs to.</param>
        /// <param name="cancellationToken">Cancels the work.</param>
        public static ParseResult<ExtractableTypeModel> Read(INamedTypeSymbol type, SyntaxNode declaration, Compilation compilation, CancellationToken cancellationToken)
        {
            var isPage = KnownNames.Find(type, KnownNames.Page) is not null;
            var isItem = KnownNames.Find(type, KnownNames.Item) is not null;
            var role = isPage ? "[Page]" : "[Item]";
            var diagnostics = new List<Diagnostic>();
            var location = TypeDeclarations.IdentifierLocation(declaration);
            var generated = TypeDeclarations.CheckPartial(type, role, location, diagnostics, cancellationToken);
            if (TypeShape.Problem(type) is { } problem)
            {
                diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.UnsupportedTypeShape, location, type.Name, isPage ? "Page" : "Item", problem));
                generated = false;
            }

            var enums = new Dictionary<string, EnumModel>();
            var parser = new PropertyParser(compilation, type, diagnostics, enums, cancellationToken);
            var properties = new List<PropertyModel>();
            var unset = new List<string>();
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

            var beforeFollowLinks = diagnostics.Count;
            var followLinks = FollowLinksParser.Read(type, location, diagnostics, cancellationToken);
            var headers = isPage ? HeaderRules.ReadPageHeaders(type, location, diagnostics, cancellationToken) : new List<HeaderModel>();
            var followLinksLeftOut = diagnostics.Count != beforeFollowLinks;
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
                HasErrors: parser.LeftOut || followLinksLeftOut,
                unset.ToEquatableArray(),
                generated,
                render)
            {
                FollowLinks = followLinks.ToEquatableArray(),
                Headers = headers.ToEquatableArray(),
            };
            return new ParseResult<ExtractableTypeModel>(result, diagnostics.ToEquatableArray(), null);
        }
    }
}
