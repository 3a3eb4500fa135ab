using System.Collections.Immutable;
using System.Linq;
using System.Text;
using DeclarativeScrape.Generators.Diagnostics;
using DeclarativeScrape.Generators.Emit;
using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DeclarativeScrape.Generators
{
    /// <summary>
    /// The DeclarativeScrape source generator. Per <c>[Page]</c>/<c>[Item]</c> type: parse to an equatable model, emit
    /// its extractor file in its own cached step, and summarise it. Per <c>[Scraper]</c>: parse its options, then
    /// stitch the collected summaries into the crawl plan and entry points. Diagnostics leave through their own outputs.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DeclarativeScrapeGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var pageResults = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.PageAttributeMetadataName, static (node, _) => IsClassOrRecord(node), static (c, ct) => ExtractableTypeParser.Parse(c, fromPageProvider: true, ct))
                .WithTrackingName(TrackingNames.PageResults);
            var itemResults = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.ItemAttributeMetadataName, static (node, _) => IsClassOrRecord(node), static (c, ct) => ExtractableTypeParser.Parse(c, fromPageProvider: false, ct))
                .WithTrackingName(TrackingNames.ItemResults);
            var scraperResults = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.ScraperAttributeMetadataName, static (node, _) => IsClassOrRecord(node), static (c, ct) => ScraperParser.Parse(c, ct))
                .WithTrackingName(TrackingNames.ScraperResults);

            var pageSummaries = RegisterTypes(context, pageResults, TrackingNames.PageModels, TrackingNames.PageSources, TrackingNames.PageSummaries);
            var itemSummaries = RegisterTypes(context, itemResults, TrackingNames.ItemModels, TrackingNames.ItemSources, TrackingNames.ItemSummaries);
            var allSummaries = pageSummaries.Collect()
                .Combine(itemSummaries.Collect())
                .Select(static (pair, _) => pair.Left.Concat(pair.Right).OrderBy(s => s.FullName, System.StringComparer.Ordinal).ToEquatableArray())
                .WithTrackingName(TrackingNames.AllSummaries);

            var scraperModels = scraperResults
                .Where(static r => r.Model is not null)
                .Select(static (r, _) => r.Model!)
                .WithTrackingName(TrackingNames.ScraperModels);
            var scraperSources = scraperModels
                .Combine(allSummaries)
                .Select(static (pair, _) => ScraperEmitter.Emit(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.ScraperSources);
            context.RegisterSourceOutput(scraperSources, static (spc, file) => AddSource(spc, file));

            ReportDiagnostics(context, scraperResults.SelectMany(static (r, _) => r.Diagnostics));
            var lateDiagnostics = scraperResults
                .Combine(allSummaries)
                .SelectMany(static (pair, _) => DiagnoseReach(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.ScraperDiagnostics);
            ReportDiagnostics(context, lateDiagnostics);
        }

        private static IncrementalValuesProvider<TypeSummaryModel> RegisterTypes(
            IncrementalGeneratorInitializationContext context,
            IncrementalValuesProvider<ParseResult<ExtractableTypeModel>> results,
            string modelsName,
            string sourcesName,
            string summariesName)
        {
            ReportDiagnostics(context, results.SelectMany(static (r, _) => r.Diagnostics));
            var models = results
                .Where(static r => r.Model is not null)
                .Select(static (r, _) => r.Model!)
                .WithTrackingName(modelsName);
            var sources = models
                .Where(static m => m.IsGenerated)
                .Select(static (m, _) => ExtractableTypeEmitter.Emit(m))
                .WithTrackingName(sourcesName);
            context.RegisterSourceOutput(sources, static (spc, file) => AddSource(spc, file));
            return models
                .Select(static (m, _) => TypeSummaries.Summarize(m))
                .WithTrackingName(summariesName);
        }

        private static void ReportDiagnostics(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<Diagnostic> diagnostics) =>
            context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic));

        /// <summary>DS0018: a scraper whose reachable pages hold no item type (known only once every type is summarised).</summary>
        private static ImmutableArray<Diagnostic> DiagnoseReach(ParseResult<ScraperModel> result, EquatableArray<TypeSummaryModel> summaries)
        {
            if (result.Model is not { } model)
            {
                return ImmutableArray<Diagnostic>.Empty;
            }

            // A type of this scraper's graph with an error lacks the property in error, perhaps the [Follow] that reaches
            // the items, and so does a [Sitemap] left out for an error: no verdict for this scraper (other scrapers still
            // get theirs).
            var graph = CrawlGraph.Build(model.StartPage, summaries, model.Options.Sitemaps.Select(s => s.PageType));
            if (graph is null || graph.ItemPages.Any() || graph.HasErrors || model.Options.SitemapLeftOut)
            {
                return ImmutableArray<Diagnostic>.Empty;
            }

            return ImmutableArray.Create(DiagnosticMessages.Create(DiagnosticDescriptors.ScraperWithoutItems, result.Anchor ?? Location.None, model.Type.Name, graph.Pages[0].DisplayName));
        }

        private static bool IsClassOrRecord(SyntaxNode node) =>
            node is ClassDeclarationSyntax or RecordDeclarationSyntax;

        private static void AddSource(SourceProductionContext context, GeneratedFile? file)
        {
            if (file is not null)
            {
                context.AddSource(file.HintName, SourceText.From(file.Source, Encoding.UTF8));
            }
        }
    }
}
