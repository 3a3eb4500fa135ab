extern alias samples;

using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SampleCheckGenerator = samples::DeclarativeScrape.Samples.SampleCheckGenerator;

namespace DeclarativeScrape.Generators.Tests.Infrastructure;

/// <summary>Runs the generator and the sample check together, with sample files as additional files of a project at <see cref="ProjectDirectory"/>.</summary>
public static class SampleHarness
{
    public const string ProjectDirectory = "/project/";

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files) =>
        CSharpGeneratorDriver.Create(
            [new DeclarativeScrapeGenerator().AsSourceGenerator(), new SampleCheckGenerator().AsSourceGenerator()],
            files,
            GeneratorHarness.ParseOptions,
            new ProjectOptions(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs both on <paramref name="source"/> with <paramref name="files"/> (paths relative to the project directory).</summary>
    public static GeneratorRun Run(string source, params SampleFile[] files)
    {
        var compilation = GeneratorHarness.Compile(source);
        var driver = CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(compilation, output, driver.GetRunResult(), diagnostics);
    }

    /// <summary>A sample file at <paramref name="relativePath"/> under the project directory.</summary>
    public static SampleFile File(string relativePath, string text) => new(ProjectDirectory + relativePath, text);

    public static SampleFile File(string relativePath, byte[] bytes) => new(ProjectDirectory + relativePath, bytes);

    private sealed class ProjectOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty.Add(SampleCheckGenerator.ProjectDirectoryOption, ProjectDirectory));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
