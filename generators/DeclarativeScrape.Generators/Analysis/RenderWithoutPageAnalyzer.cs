using System.Collections.Immutable;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeclarativeScrape.Generators.Analysis
{
    /// <summary>
    /// DS0065: <c>[Render]</c> on a type that is not a <c>[Page]</c> (a nested <c>[Item]</c>, a scraper, any class). Only
    /// pages are fetched, so without this the attribute would be ignored without a word.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RenderWithoutPageAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RenderWithoutPage);

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
            if (KnownNames.Find(type, KnownNames.Render) is not { ApplicationSyntaxReference: { } reference } || KnownNames.Find(type, KnownNames.Page) is not null)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RenderWithoutPage, reference.GetSyntax(context.CancellationToken).GetLocation(), type.Name));
        }
    }
}
