using System.Collections.Generic;
using System.Threading;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>Reads the <c>[FollowLinks]</c> of a page or item type.</summary>
    internal static class FollowLinksParser
    {
        public const string DisplayName = "[FollowLinks]";

        /// <returns>The valid ones, in the order written; each bad one is reported and left out.</returns>
        public static List<FollowLinksModel> Read(INamedTypeSymbol type, Location fallback, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var found = new List<FollowLinksModel>();
            foreach (var attribute in type.GetAttributes())
            {
                if (!KnownNames.IsOurs(attribute.AttributeClass, KnownNames.FollowLinks))
                {
                    continue;
                }

                var arguments = new AttributeArguments(attribute, fallback, cancellationToken);
                if (!arguments.IsBound)
                {
                    continue;
                }

                var before = diagnostics.Count;
                var text = arguments.Named("Selector") is null ? "a[href]" : arguments.NamedString("Selector");
                var selector = SelectorValidation.Check(text, DisplayName, SourceKind.Follow, arguments, arguments.NamedSyntax("Selector"), diagnostics);
                var attributeName = arguments.Named("Attribute") is null ? "href" : arguments.NamedString("Attribute");
                if (string.IsNullOrEmpty(attributeName) || attributeName!.IndexOfAny(new[] { ' ', '"', '\'', '>', '/', '=' }) >= 0)
                {
                    diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.InvalidAttributeName, arguments.LocationOf(arguments.NamedSyntax("Attribute")), attributeName ?? "null", DisplayName, "HTML attribute names are not empty and contain no white space, quotes, '>', '/' or '='"));
                }

                var target = arguments.NamedType("To") ?? type;
                if (target.TypeKind != TypeKind.Error && !KnownNames.IsSourceTypeWith(target, KnownNames.Page))
                {
                    diagnostics.Add(DiagnosticMessages.Create(DiagnosticDescriptors.FollowTargetNotPage, arguments.LocationOf(arguments.NamedSyntax("To")), DisplayName, TypeDeclarations.ShortName(target)));
                }

                var rules = LinkRulesParser.Read(arguments, DisplayName + " of '" + type.Name + "'", diagnostics);
                var carry = CarryParser.Read(arguments, type, DisplayName + " of '" + type.Name + "'", diagnostics);
                if (diagnostics.Count == before && selector is not null && target.TypeKind != TypeKind.Error)
                {
                    found.Add(new FollowLinksModel(selector!, attributeName!, TypeDeclarations.FullName(target), rules)
                    {
                        Carry = carry,
                    });
                }
            }

            return found;
        }
    }
}
