extern alias samples;

using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Generators;
using DeclarativeScrape.Generators.Analysis;
using DeclarativeScrape.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SampleCheckGenerator = samples::DeclarativeScrape.Samples.SampleCheckGenerator;

namespace DeclarativeScrape.Examples.Tests.DocBlocks;

/// <summary>
/// Compiles source files in memory the way a user's project compiles them: the runtime, the host, the browser package and the demo sites
/// referenced, the generator run through a <see cref="CSharpGeneratorDriver"/>, its analyzer run, nullable on,
/// warnings as errors.
/// </summary>
public static class DocCompiler
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Where a page's sample files are, as the project directory the sample check resolves them against.</summary>
    private const string ProjectDirectory = "/doc/";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Every diagnostic (warning or error) of the compiler, the generator and the analyzer.</summary>
    /// <param name="files">The sources, by file path.</param>
    /// <param name="samples">Sample files of the page (paths relative to the project directory), for the sample check.</param>
    public static async Task<IReadOnlyList<Diagnostic>> DiagnosticsAsync(IReadOnlyList<(string Path, string Source)> files, IReadOnlyList<(string Path, string Text)>? samples = null)
    {
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, f.Path)).ToList();
        var program = trees.Any(t => t.GetCompilationUnitRoot().Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any());
        var compilation = CSharpCompilation.Create(
            "DocBlocks",
            trees,
            References.Value,
            new CSharpCompilationOptions(
                program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));
        CSharpGeneratorDriver.Create(
                [new DeclarativeScrapeGenerator().AsSourceGenerator(), new SampleCheckGenerator().AsSourceGenerator()],
                [.. (samples ?? []).Select(s => (AdditionalText)new DocSample(ProjectDirectory + s.Path, s.Text))],
                ParseOptions,
                new ProjectOptions())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var all = await output.WithAnalyzers([new PageReachabilityAnalyzer(), new SettingWithoutScraperAnalyzer(), new CarriedValuesAnalyzer(), new RenderWithoutPageAnalyzer()]).GetAllDiagnosticsAsync();
        return [.. generatorDiagnostics.Concat(all).Where(d => d.Severity >= DiagnosticSeverity.Warning).Distinct()];
    }

    /// <summary>The syntax errors of <paramref name="source"/>.</summary>
    public static IReadOnlyList<Diagnostic> SyntaxErrors(string source, string path) =>
        [.. CSharpSyntaxTree.ParseText(source, ParseOptions, path).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator).ToList();
        paths.Add(typeof(ScrapeEngine).Assembly.Location);
        paths.Add(typeof(ScrapeApp).Assembly.Location);
        paths.Add(typeof(DeclarativeScrape.PostgreSql.PostgreSqlState).Assembly.Location);
        paths.Add(typeof(BookstoreSite).Assembly.Location);
        paths.Add(typeof(DeclarativeScrape.Browser.ChromiumRenderer).Assembly.Location);
        paths.Add(typeof(DeclarativeScrape.Extensions.Hosting.Scraper<>).Assembly.Location);
        paths.Add(typeof(Microsoft.Extensions.Hosting.Host).Assembly.Location);
        paths.Add(typeof(AngleSharp.Dom.IDocument).Assembly.Location);
        // The sample check's assembly is an analyzer, not a reference: its compiled copy of the runtime's extraction types would clash.
        return [.. paths
            .Where(p => p.Length > 0 && !System.IO.Path.GetFileName(p).Equals("DeclarativeScrape.Samples.dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(System.IO.Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))];
    }

    private sealed class DocSample(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, System.Text.Encoding.UTF8);
    }

    private sealed class ProjectOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(true);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(false);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(false);
    }

    private sealed class Options(bool global) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = global && key == SampleCheckGenerator.ProjectDirectoryOption ? ProjectDirectory : null;
            return value is not null;
        }
    }
}
