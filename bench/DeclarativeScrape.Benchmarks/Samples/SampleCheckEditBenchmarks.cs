using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Benchmarks.Samples;

/// <summary>
/// What the sample check adds to one incremental edit of a 50-page-type project with 20 samples of 100 KB
/// (<see cref="SampleCheckProject"/>), after a warm-up run: each operation applies one <see cref="SampleEdit"/> to the
/// warm state and runs a warm driver on it, <see cref="GeneratorOnly"/> (baseline: the generator with the same
/// additional files) against <see cref="WithSampleCheck"/> (the generator and the sample check, as a project with the
/// package runs them). The difference is the check's cost per edit: nothing for an unrelated file, the edited type's
/// extraction on its parsed sample for a selector edit, one sample's decoding and parsing plus that for a sample edit.
/// </summary>
[MemoryDiagnoser]
public class SampleCheckEditBenchmarks
{
    private SampleCheckProject _project = default!;
    private GeneratorDriver _generatorOnly = default!;
    private GeneratorDriver _withSampleCheck = default!;

    /// <summary>The edit applied.</summary>
    [Params(SampleEdit.UnrelatedFile, SampleEdit.ScraperType, SampleEdit.Sample)]
    public SampleEdit Edit { get; set; }

    /// <summary>Builds the project, runs both drivers once (the warm-up, every sample parsed and checked) and checks the edit's verdict.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _project = SampleCheckProject.Create();
        _generatorOnly = _project.CreateDriver(withSampleCheck: false).RunGenerators(_project.Project.Compilation);
        _withSampleCheck = _project.CreateDriver(withSampleCheck: true).RunGenerators(_project.Project.Compilation);
        SampleCheckEditCheck.Verify(_project, _withSampleCheck, Edit);
    }

    /// <summary>The edit with the generator alone.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark(Baseline = true)]
    public GeneratorDriver GeneratorOnly() => Run(_generatorOnly);

    /// <summary>The edit with the generator and the sample check.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver WithSampleCheck() => Run(_withSampleCheck);

    private GeneratorDriver Run(GeneratorDriver warm)
    {
        var (compilation, driver) = _project.Apply(Edit, warm);
        return driver.RunGenerators(compilation);
    }
}
