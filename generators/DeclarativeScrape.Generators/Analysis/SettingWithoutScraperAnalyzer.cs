using System.Collections.Immutable;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeclarativeScrape.Generators.Analysis
{
    /// <summary>
    /// DS0023: a scraper setting (<c>[Concurrency]</c>, <c>[RateLimit]</c>, <c>[Retry]</c>, ...) on a class that has no
    /// <c>[Scraper]</c>. The generator reads settings only from scrapers, so without this a <c>[RateLimit]</c> put on
    /// a page type would be ignored without a word and the crawl would run faster than the author meant.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SettingWithoutScraperAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] Settings =
        [
            KnownNames.AllowedHosts, KnownNames.Concurrency, KnownNames.RateLimit, KnownNames.Retry, KnownNames.Timeouts,
            KnownNames.Robots, KnownNames.UserAgent, KnownNames.Header, KnownNames.Limits, KnownNames.PageEncoding, KnownNames.Scope, KnownNames.Sitemap,
        ];

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SettingWithoutScraper);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
        }

        private static void Analyze(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (KnownNames.Find(type, KnownNames.Scraper) is not null)
            {
                return;
            }

            foreach (var attribute in type.GetAttributes())
            {
                foreach (var setting in Settings)
                {
                    // A page type's [Header] is its own: sent with the requests of its pages.
                    if (setting == KnownNames.Header && KnownNames.Find(type, KnownNames.Page) is not null)
                    {
                        continue;
                    }

                    if (KnownNames.IsOurs(attribute.AttributeClass, setting) && attribute.ApplicationSyntaxReference is { } reference)
                    {
                        var location = reference.GetSyntax(context.CancellationToken).GetLocation();
                        context.ReportDiagnostic(DiagnosticMessages.Create(DiagnosticDescriptors.SettingWithoutScraper, location, setting.Substring(0, setting.Length - "Attribute".Length), type.Name));
                        break;
                    }
                }
            }
        }
    }
}
