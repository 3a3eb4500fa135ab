using System.Collections.Immutable;
using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Generators;
using DeclarativeScrape.Generators.Analysis;
using DeclarativeScrape.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeclarativeScrape.Examples.Tests.DocBlocks;

/// <summary>
/// Compiles source files in memory the way a user's project compiles them: the runtime, the host, the browser package and the demo sites
/// referenced, the generator run through a <see cref="CSharpGeneratorDriver"/>, its analyzer run, nullable on,
/// warnings as errors.
/// </summary>
public static class DocCompiler
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Every diagnostic (warning or error) of the compiler, the generator and the analyzer.</summary>
    /// <param name="files">The sources, by file path.</param>
    public static async Task<IReadOnlyList<Diagnostic>> DiagnosticsAsync(IReadOnlyList<(string Path, string Source)> files)
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
        CSharpGeneratorDriver.Create([new DeclarativeScrapeGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var all = await output.WithAnalyzers([new PageReachabilityAnalyzer(), new SettingWithoutScraperAnalyzer(), new RenderWithoutPageAnalyzer()]).GetAllDiagnosticsAsync();
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
        paths.Add(typeof(AngleSharp.Dom.IDocument).Assembly.Location);
        return [.. paths
            .Where(p => p.Length > 0)
            .GroupBy(System.IO.Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))];
    }
}
