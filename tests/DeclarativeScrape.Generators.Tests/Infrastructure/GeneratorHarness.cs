using System.Collections.Immutable;
using DeclarativeScrape.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeclarativeScrape.Generators.Tests.Infrastructure;

/// <summary>Compiles test sources against the runtime, runs the real generator (and analyzer) on them, and reports everything.</summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>What a test compilation references: the framework, the runtime and AngleSharp.</summary>
    public static ImmutableArray<MetadataReference> ReferenceSet => References.Value;

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Scrapers" + Guid.NewGuid().ToString("N"),
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                generalDiagnosticOption: ReportDiagnostic.Error,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    // A test library is not a package: missing XML docs on the test's own types are not the point.
                    ["CS1591"] = ReportDiagnostic.Suppress,
                }));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new DeclarativeScrapeGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator on <paramref name="sources"/>.</summary>
    public static GeneratorRun Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(compilation, output, driver.GetRunResult(), generatorDiagnostics);
    }

    /// <summary>The analyzer's diagnostics on the compilation (with generated code).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var withAnalyzers = compilation.WithAnalyzers([new PageReachabilityAnalyzer(), new SettingWithoutScraperAnalyzer(), new CarriedValuesAnalyzer(), new RenderWithoutPageAnalyzer()]);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(ScrapeEngine).Assembly.Location);
        paths.Add(typeof(AngleSharp.Dom.IDocument).Assembly.Location);
        // The analyzer assemblies are not references of a user's project: the sample check's compiled copy of the
        // runtime's extraction types would make them ambiguous.
        return [.. paths
            .Where(p => p.Length > 0 && !Path.GetFileName(p).Equals("DeclarativeScrape.Samples.dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))];
    }
}

/// <summary>One generator run: input, output, the driver's result and every diagnostic.</summary>
public sealed record GeneratorRun(Compilation Input, Compilation Output, GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Every generated file, by hint name (ordinal).</summary>
    public IReadOnlyList<(string HintName, string Source)> Files =>
        [.. Result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => (s.HintName, s.SourceText.ToString()))];

    /// <summary>The generator's own diagnostics (DS ids).</summary>
    public IReadOnlyList<Diagnostic> Reported => [.. Result.Diagnostics];

    /// <summary>The output compilation's errors and warnings (CS ids), generator diagnostics excluded.</summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    public Exception? Exception => Result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
}
