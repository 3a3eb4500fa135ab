using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Benchmarks.Generator;

/// <summary>
/// The generator's cost per incremental edit of a 50-page-type project, after a warm-up run. Every operation applies
/// one <see cref="SourceEdit"/> to the warmed-up state (a new compilation, as after a keystroke), runs a warm driver
/// on it, then binds the declarations of the changed file as the compiler does for any edit:
/// <list type="bullet">
/// <item><see cref="NoGenerator"/> (baseline): a driver without generators, so only the edit and the compiler's binding;</item>
/// <item><see cref="AttributeBinding"/>: a driver running <see cref="AttributeBindingGenerator"/>, the Roslyn binding any
/// generator reading these attributes pays on every edit;</item>
/// <item><see cref="DeclarativeScrape"/>: a driver running DeclarativeScrape's generator.</item>
/// </list>
/// <c>DeclarativeScrape − NoGenerator</c> is what the generator adds to an edit; <c>DeclarativeScrape − AttributeBinding</c>
/// is the generator's own work (parsing the attributes into models, comparing them, emitting what changed).
/// </summary>
[MemoryDiagnoser]
public class GeneratorEditBenchmarks
{
    private SyntheticCompilation _project = default!;
    private GeneratorDriver _noGenerator = default!;
    private GeneratorDriver _attributeBinding = default!;
    private GeneratorDriver _declarativeScrape = default!;

    /// <summary>The edit applied.</summary>
    [Params(SourceEdit.Cosmetic, SourceEdit.Selector, SourceEdit.UnrelatedFile)]
    public SourceEdit Edit { get; set; }

    /// <summary>Builds the project, runs every driver once (the warm-up), and checks the edit's effect on the output.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _project = SyntheticCompilation.Create();
        _noGenerator = SyntheticCompilation.CreateEmptyDriver().RunGenerators(_project.Compilation);
        _attributeBinding = SyntheticCompilation.CreateBindingDriver().RunGenerators(_project.Compilation);
        _declarativeScrape = SyntheticCompilation.CreateDriver().RunGenerators(_project.Compilation);
        GeneratorEditCheck.Verify(_project, _declarativeScrape, Edit);
    }

    /// <summary>The edit and the compiler's binding of the changed file, no generator.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark(Baseline = true)]
    public GeneratorDriver NoGenerator() => Run(_noGenerator);

    /// <summary>The same with the binding-floor generator.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver AttributeBinding() => Run(_attributeBinding);

    /// <summary>The same with DeclarativeScrape's generator.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver DeclarativeScrape() => Run(_declarativeScrape);

    private GeneratorDriver Run(GeneratorDriver warm)
    {
        var (compilation, tree) = _project.Apply(Edit);
        var driver = warm.RunGenerators(compilation);
        SyntheticCompilation.BindDeclarations(compilation, tree);
        return driver;
    }
}
