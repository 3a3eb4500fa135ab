using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Benchmarks.Samples;

/// <summary>
/// The first run on the sampled project (<see cref="SampleCheckProject"/>: 50 page types, 20 samples of 100 KB), as a
/// build or an IDE opening the project does: a new driver on a new compilation, <see cref="GeneratorOnly"/> (baseline)
/// against <see cref="WithSampleCheck"/>, which reads, decodes, parses and checks every sample once.
/// </summary>
[MemoryDiagnoser]
public class SampleCheckFirstRunBenchmarks
{
    private SampleCheckProject _project = default!;

    /// <summary>Builds the project.</summary>
    [GlobalSetup]
    public void Setup() => _project = SampleCheckProject.Create();

    /// <summary>The generator alone.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark(Baseline = true)]
    public GeneratorDriver GeneratorOnly() => _project.CreateDriver(withSampleCheck: false).RunGenerators(_project.Project.Fresh());

    /// <summary>The generator and the sample check.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver WithSampleCheck() => _project.CreateDriver(withSampleCheck: true).RunGenerators(_project.Project.Fresh());
}
