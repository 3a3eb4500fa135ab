using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeclarativeScrape.Generators.Analysis
{
    /// <summary>
    /// DS0017 (warning, advisory, so not the generator's job): a <c>[Page]</c> type that no scraper reaches from its start
    /// page through <c>[Follow]</c> and <c>[FollowLinks]</c> links (links inside nested <c>[Items]</c> count). Only reported when the
    /// compilation declares at least one scraper: a library of page types used through <c>Parse</c> is fine.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PageReachabilityAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PageNeverReached);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var pages = new ConcurrentDictionary<INamedTypeSymbol, Location>(SymbolEqualityComparer.Default);
                var starts = new ConcurrentBag<INamedTypeSymbol>();
                var edges = new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
                start.RegisterSymbolAction(symbolContext => Collect((INamedTypeSymbol)symbolContext.Symbol, pages, starts, edges, symbolContext.CancellationToken), SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end =>
                {
                    if (starts.IsEmpty)
                    {
                        return;
                    }

                    var reached = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                    var queue = new Queue<INamedTypeSymbol>(starts);
                    while (queue.Count > 0)
                    {
                        var type = queue.Dequeue();
                        if (!reached.Add(type) || !edges.TryGetValue(type, out var next))
                        {
                            continue;
                        }

                        foreach (var target in next)
                        {
                            queue.Enqueue(target);
                        }
                    }

                    foreach (var page in pages)
                    {
                        if (!reached.Contains(page.Key))
                        {
                            end.ReportDiagnostic(DiagnosticMessages.Create(DiagnosticDescriptors.PageNeverReached, page.Value, page.Key.Name));
                        }
                    }
                });
            });
        }

        private static void Collect(
            INamedTypeSymbol type,
            ConcurrentDictionary<INamedTypeSymbol, Location> pages,
            ConcurrentBag<INamedTypeSymbol> starts,
            ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>> edges,
            System.Threading.CancellationToken cancellationToken)
        {
            if (KnownNames.Find(type, KnownNames.Scraper) is { } scraper)
            {
                foreach (var pair in scraper.NamedArguments)
                {
                    if (pair.Key == "StartPage" && pair.Value is { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol startPage })
                    {
                        starts.Add(startPage);
                    }
                }

                // A [Sitemap]'s page type is a start too: its pages come from the sitemap.
                foreach (var attribute in type.GetAttributes())
                {
                    if (KnownNames.IsOurs(attribute.AttributeClass, KnownNames.Sitemap) && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol sitemapPage })
                    {
                        starts.Add(sitemapPage);
                    }
                }
            }

            var page = KnownNames.Find(type, KnownNames.Page);
            if (page is null && KnownNames.Find(type, KnownNames.Item) is null)
            {
                return;
            }

            if (page is not null)
            {
                var location = page.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
                    ?? (type.Locations.Length > 0 ? type.Locations[0] : Location.None);
                pages.TryAdd(type, location);
            }

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

            edges[type] = targets.ToImmutable();
        }
    }
}
