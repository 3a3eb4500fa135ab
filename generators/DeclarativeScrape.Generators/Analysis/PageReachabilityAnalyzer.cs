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
            foreach (var start in CrawlEdges.Starts(type))
            {
                starts.Add(start);
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

            edges[type] = CrawlEdges.Targets(type);
        }
    }
}
