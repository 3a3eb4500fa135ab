using System.Collections.Generic;
using System.Collections.Immutable;
using DeclarativeScrape.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Analysis
{
    /// <summary>
    /// How a crawl goes from type to type, read from symbols: where a scraper starts (its start page and its
    /// <c>[Sitemap]</c>s' page types) and where a page or item type leads (<c>[Follow]</c> link targets, nested
    /// <c>[Items]</c> types, <c>[FollowLinks]</c> targets). DS0017 and the sample check's <c>[PageEncoding]</c> both walk it.
    /// </summary>
    internal static class CrawlEdges
    {
        /// <summary>The types a scraper's crawl starts from: its <c>StartPage</c>, then its <c>[Sitemap]</c>s' page types.</summary>
        public static IEnumerable<INamedTypeSymbol> Starts(INamedTypeSymbol type)
        {
            if (KnownNames.Find(type, KnownNames.Scraper) is not { } scraper)
            {
                yield break;
            }

            foreach (var pair in scraper.NamedArguments)
            {
                if (pair.Key == "StartPage" && pair.Value is { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol startPage })
                {
                    yield return startPage;
                }
            }

            // A [Sitemap]'s page type is a start too: its pages come from the sitemap.
            foreach (var attribute in type.GetAttributes())
            {
                if (KnownNames.IsOurs(attribute.AttributeClass, KnownNames.Sitemap) && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol sitemapPage })
                {
                    yield return sitemapPage;
                }
            }
        }

        /// <summary>The types a page or item type leads to: its links' page types, its nested item types, its <c>[FollowLinks]</c> targets.</summary>
        public static ImmutableArray<INamedTypeSymbol> Targets(INamedTypeSymbol type)
        {
            var targets = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var member in type.GetMembers())
            {
                if (member is not IPropertySymbol property || !ValueTypes.TrySplit(property.Type, out _, out var element) || element is not INamedTypeSymbol named)
                {
                    continue;
                }

                if (KnownNames.Find(property, KnownNames.Follow) is not null && KnownNames.IsOurs(named, KnownNames.Link) && named.TypeArguments.Length == 1 && named.TypeArguments[0] is INamedTypeSymbol target)
                {
                    targets.Add(target);
                }
                else if (KnownNames.Find(property, KnownNames.Items) is not null)
                {
                    targets.Add(named);
                }
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (KnownNames.IsOurs(attribute.AttributeClass, KnownNames.FollowLinks))
                {
                    var to = type;
                    foreach (var pair in attribute.NamedArguments)
                    {
                        if (pair.Key == "To" && pair.Value is { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol target })
                        {
                            to = target;
                        }
                    }

                    targets.Add(to);
                }
            }

            return targets.ToImmutable();
        }
    }
}
