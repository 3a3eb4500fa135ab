using System.Linq;
using DeclarativeScrape.Generators.Model;
using DeclarativeScrape.Generators.Parsing;
using DeclarativeScrape.Samples.Checking;
using DeclarativeScrape.Samples.Files;
using DeclarativeScrape.Samples.Model;
using DeclarativeScrape.Samples.Reading;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Samples
{
    /// <summary>
    /// Checks each <c>[Page]</c> type's extraction on its <c>[Sample]</c> pages at build time and live in the IDE, with
    /// the crawl's own decoding, parser, selectors and conversions. It only reports diagnostics; it adds no source.
    /// </summary>
    /// <remarks>
    /// Incremental by content: each sample file is read, decoded and parsed once per content (<c>SamplePages</c>); a type's
    /// check (<c>SampleChecks</c>) runs again only when the type, one of its samples or an item type it nests changes, and
    /// reads the parsed pages, so an edit of a selector costs that type's extraction on its samples and nothing more.
    /// </remarks>
    [Generator(LanguageNames.CSharp)]
    public sealed class SampleCheckGenerator : IIncrementalGenerator
    {
        /// <summary>The MSBuild property (made visible to the compiler by the package) that relative sample paths start from.</summary>
        public const string ProjectDirectoryOption = "build_property.projectdir";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var texts = context.AdditionalTextsProvider
                .Where(static file => SampleTexts.IsSampleFile(file.Path))
                .Select(static (file, ct) => SampleTexts.Read(file, ct))
                .Where(static text => text is not null)
                .Select(static (text, _) => text!)
                .WithTrackingName(SampleTrackingNames.SampleTexts);
            var expectations = texts
                .Where(static text => !text.IsPage)
                .Select(static (text, _) => SampleExpectation.Read(text))
                .WithTrackingName(SampleTrackingNames.SampleExpectations);
            // A scraper's [PageEncoding] decodes every page its crawl reaches: so are those page types' samples.
            var scraperEncodings = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.PageEncodingAttributeMetadataName, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax, static (c, _) => PageEncodings.ReadScraper(c))
                .Where(static e => e is not null)
                .Select(static (e, _) => e!)
                .WithTrackingName(SampleTrackingNames.ScraperEncodings);
            var pageEdges = Edges(context, KnownNames.PageAttributeMetadataName);
            var itemEdges = Edges(context, KnownNames.ItemAttributeMetadataName);
            var encodings = scraperEncodings.Collect()
                .Combine(pageEdges.Collect())
                .Combine(itemEdges.Collect())
                .Select(static (all, _) => PageEncodings.Assign(all.Left.Left, all.Left.Right, all.Right))
                .WithTrackingName(SampleTrackingNames.PageEncodings);
            var labels = encodings.Select(static (e, _) => PageEncodings.Labels(e));

            var pages = texts
                .Where(static text => text.IsPage)
                .Combine(expectations.Collect())
                .Select(static (pair, _) => new SampleSource(pair.Left, pair.Right.FirstOrDefault(e => e.Path == SampleTexts.ExpectedPathOf(pair.Left.Path))?.Values?.ContentType))
                .WithTrackingName(SampleTrackingNames.SampleSources)
                .Combine(labels)
                .SelectMany(static (pair, _) => new[] { pair.Left }.Concat(pair.Right.Select(label => pair.Left.WithEncoding(label))))
                .Select(static (source, _) => SamplePage.Parse(source))
                .WithTrackingName(SampleTrackingNames.SamplePages);

            var sampled = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.SampleAttributeMetadataName, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax, static (c, ct) => CheckedTypes.ReadSampled(c, ct))
                .WithTrackingName(SampleTrackingNames.SampledTypes);
            context.RegisterSourceOutput(
                sampled.Where(static r => r.Problem is not null).Select(static (r, _) => r.Problem!),
                static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic));

            var items = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.ItemAttributeMetadataName, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax, static (c, ct) => CheckedTypes.ReadItem(c, ct))
                .Where(static t => t is not null)
                .Select(static (t, _) => t!)
                .Collect()
                .Select(static (all, _) => all.OrderBy(t => t.FullName, System.StringComparer.Ordinal).ToEquatableArray())
                .WithTrackingName(SampleTrackingNames.ItemTypes);
            var projectDirectory = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => options.GlobalOptions.TryGetValue(ProjectDirectoryOption, out var directory) ? directory : null);

            var jobs = sampled
                .Where(static r => r.Type is not null)
                .Select(static (r, _) => r.Type!)
                .Combine(pages.Collect())
                .Combine(expectations.Collect())
                .Combine(projectDirectory)
                .Combine(items)
                .Combine(encodings)
                .Select(static (all, _) => SampleJobs.Create(all.Left.Left.Left.Left.Left, all.Left.Left.Left.Left.Right, all.Left.Left.Left.Right, all.Left.Left.Right, all.Left.Right, all.Right))
                .WithTrackingName(SampleTrackingNames.SampleJobs);
            var checks = jobs
                .Select(static (job, ct) => SampleCheck.Run(job, ct))
                .WithTrackingName(SampleTrackingNames.SampleChecks);
            context.RegisterSourceOutput(checks, static (spc, diagnostics) =>
            {
                foreach (var diagnostic in diagnostics)
                {
                    spc.ReportDiagnostic(diagnostic);
                }
            });
        }

        private static IncrementalValuesProvider<TypeEdges> Edges(IncrementalGeneratorInitializationContext context, string marker) =>
            context.SyntaxProvider
                .ForAttributeWithMetadataName(marker, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax, static (c, _) => PageEncodings.ReadEdges(c))
                .Where(static e => e is not null)
                .Select(static (e, _) => e!)
                .WithTrackingName(SampleTrackingNames.CrawlEdges);
    }
}
