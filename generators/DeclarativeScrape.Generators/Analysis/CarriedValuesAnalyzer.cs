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
    /// The checks of data across pages that span two types: DS0049, a <c>Carry</c> name the linked page has no
    /// <c>[Carried]</c> property of the same type for; DS0050, a required <c>[Carried]</c> property of a page some link
    /// (or a scraper's start URLs) reaches without carrying it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CarriedValuesAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.CarryMismatch, DiagnosticDescriptors.RequiredValueNotCarried);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var edges = new ConcurrentBag<Edge>();
                var starts = new ConcurrentBag<(INamedTypeSymbol Page, string Scraper, Location Location)>();
                start.RegisterSymbolAction(symbol => Collect(symbol, edges, starts), SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end => CheckRequired(end, edges, starts));
            });
        }

        private static void Collect(SymbolAnalysisContext context, ConcurrentBag<Edge> edges, ConcurrentBag<(INamedTypeSymbol, string, Location)> starts)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (KnownNames.Find(type, KnownNames.Scraper) is { } scraper)
            {
                foreach (var pair in scraper.NamedArguments)
                {
                    if (pair.Key == "StartPage" && pair.Value is { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol page })
                    {
                        starts.Add((page, type.Name, LocationOf(scraper, type, context.CancellationToken)));
                    }
                }

                foreach (var attribute in type.GetAttributes())
                {
                    if (KnownNames.IsOurs(attribute.AttributeClass, KnownNames.Sitemap) && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol sitemapPage })
                    {
                        starts.Add((sitemapPage, type.Name, LocationOf(attribute, type, context.CancellationToken)));
                    }
                }
            }

            if (KnownNames.Find(type, KnownNames.Page) is null && KnownNames.Find(type, KnownNames.Item) is null)
            {
                return;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol property && KnownNames.Find(property, KnownNames.Follow) is { } follow
                    && ValueTypes.TrySplit(property.Type, out _, out var element) && element is INamedTypeSymbol { TypeArguments.Length: 1 } link
                    && KnownNames.IsOurs(link, KnownNames.Link) && link.TypeArguments[0] is INamedTypeSymbol target)
                {
                    AddEdge(context, edges, type, follow, target, "[Follow] '" + property.Name + "' of '" + type.Name + "'");
                }
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (KnownNames.IsOurs(attribute.AttributeClass, KnownNames.FollowLinks))
                {
                    var target = type;
                    foreach (var pair in attribute.NamedArguments)
                    {
                        if (pair.Key == "To" && pair.Value is { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol to })
                        {
                            target = to;
                        }
                    }

                    AddEdge(context, edges, type, attribute, target, "[FollowLinks] of '" + type.Name + "'");
                }
            }
        }

        // DS0049 now (both types are at hand); the edge is kept for DS0050 at the end.
        private static void AddEdge(SymbolAnalysisContext context, ConcurrentBag<Edge> edges, INamedTypeSymbol source, AttributeData attribute, INamedTypeSymbol target, string what)
        {
            var carried = new HashSet<string>(System.StringComparer.Ordinal);
            var location = LocationOf(attribute, source, context.CancellationToken);
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key != "Carry" || pair.Value.Kind != TypedConstantKind.Array || pair.Value.IsNull)
                {
                    continue;
                }

                foreach (var value in pair.Value.Values)
                {
                    if (AttributeArguments.AsString(value) is not { } name || !carried.Add(name) || SourceProperty(source, name) is not { } from)
                    {
                        continue;
                    }

                    var problem = CarriedProperty(target, name) is { } to
                        ? SameValueType(from.Type, to.Type) ? null : "whose [Carried] '" + name + "' is a '" + TypeDeclarations.ShortName(to.Type) + "', not a '" + TypeDeclarations.ShortName(from.Type) + "'"
                        : "which has no [Carried] property '" + name + "' to receive it";
                    if (problem is not null)
                    {
                        context.ReportDiagnostic(DiagnosticMessages.Create(DiagnosticDescriptors.CarryMismatch, location, what, name, target.Name, problem));
                    }
                }
            }

            edges.Add(new Edge(target, carried, what, location));
        }

        private static void CheckRequired(CompilationAnalysisContext context, ConcurrentBag<Edge> edges, ConcurrentBag<(INamedTypeSymbol Page, string Scraper, Location Location)> starts)
        {
            var checkedPages = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var edge in edges)
            {
                foreach (var name in RequiredCarried(edge.Target))
                {
                    if (!edge.Carried.Contains(name))
                    {
                        context.ReportDiagnostic(DiagnosticMessages.Create(DiagnosticDescriptors.RequiredValueNotCarried, edge.Location, edge.Target.Name, name, edge.What + " leads there without carrying it"));
                    }
                }
            }

            foreach (var (page, scraper, location) in starts)
            {
                foreach (var name in RequiredCarried(page))
                {
                    context.ReportDiagnostic(DiagnosticMessages.Create(DiagnosticDescriptors.RequiredValueNotCarried, location, page.Name, name, "'" + page.Name + "' is a start page of '" + scraper + "' (its start URLs or sitemap entries), which carry no values"));
                }
            }
        }

        private static IEnumerable<string> RequiredCarried(INamedTypeSymbol page)
        {
            foreach (var member in page.GetMembers())
            {
                if (member is IPropertySymbol property && KnownNames.Find(property, KnownNames.Carried) is not null
                    && ValueTypes.TrySplit(property.Type, out var shape, out _) && shape == Model.ValueShape.Required)
                {
                    yield return property.Name;
                }
            }
        }

        private static IPropertySymbol? SourceProperty(INamedTypeSymbol type, string name)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false } property)
                {
                    return property;
                }
            }

            return null;
        }

        private static IPropertySymbol? CarriedProperty(INamedTypeSymbol type, string name)
        {
            var property = SourceProperty(type, name);
            return property is not null && KnownNames.Find(property, KnownNames.Carried) is not null ? property : null;
        }

        // The same type of one value: string and string?, int and int? are the same; int and long are not.
        private static bool SameValueType(ITypeSymbol from, ITypeSymbol to) =>
            ValueTypes.TrySplit(from, out _, out var a) && ValueTypes.TrySplit(to, out _, out var b) && SymbolEqualityComparer.Default.Equals(a, b);

        private static Location LocationOf(AttributeData attribute, ISymbol fallback, System.Threading.CancellationToken cancellationToken) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
            ?? (fallback.Locations.Length > 0 ? fallback.Locations[0] : Location.None);

        private sealed class Edge
        {
            public Edge(INamedTypeSymbol target, HashSet<string> carried, string what, Location location)
            {
                Target = target;
                Carried = carried;
                What = what;
                Location = location;
            }

            public INamedTypeSymbol Target { get; }

            public HashSet<string> Carried { get; }

            public string What { get; }

            public Location Location { get; }
        }
    }
}
