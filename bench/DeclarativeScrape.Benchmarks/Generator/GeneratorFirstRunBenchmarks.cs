using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Benchmarks.Generator;

/// <summary>
/// For context: the generator's first run over the whole 50-page-type project, on a new compilation with a new driver
/// (in a process where the generator is already loaded and compiled, as in the IDE or a compiler server), against the
/// compiler's own declaration binding of every file.
/// </summary>
[MemoryDiagnoser]
public class GeneratorFirstRunBenchmarks
{
    private SyntheticCompilation _project = default!;

    /// <summary>Builds the project and checks the generator's output compiles.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _project = SyntheticCompilation.Create();
        GeneratorEditCheck.VerifyOutput(_project.Compilation, SyntheticCompilation.CreateDriver().RunGenerators(_project.Compilation));
    }

    /// <summary>The compiler's declaration binding of every file of a new compilation, no generator.</summary>
    /// <returns>The number of diagnostics.</returns>
    [Benchmark(Baseline = true)]
    public int BindWithoutGenerator()
    {
        var compilation = _project.Fresh();
        var diagnostics = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            diagnostics += SyntheticCompilation.BindDeclarations(compilation, tree);
        }

        return diagnostics;
    }

    /// <summary>A new driver's first run on a new compilation.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver FirstRun() => SyntheticCompilation.CreateDriver().RunGenerators(_project.Fresh());
}
