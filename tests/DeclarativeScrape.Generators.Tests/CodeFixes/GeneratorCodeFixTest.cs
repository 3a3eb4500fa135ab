using DeclarativeScrape.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace DeclarativeScrape.Generators.Tests.CodeFixes;

/// <summary>
/// Roslyn's code-fix test (Microsoft.CodeAnalysis.CSharp.CodeFix.Testing) for a fix of a diagnostic the generator
/// reports: the generators run on the test code, the diagnostics must be exactly the markup's, the fix (and fix-all)
/// must give the fixed code, and the fixed code must build without the diagnostic. References are the test process's
/// own (the runtime, AngleSharp, the framework), so nothing is downloaded.
/// </summary>
internal sealed class GeneratorCodeFixTest<TCodeFix> : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public GeneratorCodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(GeneratorHarness.ReferenceSet);
        FixedState.AdditionalReferences.AddRange(GeneratorHarness.ReferenceSet);

        // The generated files are the snapshot tests' business; here only the diagnostics and the fix are.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    /// <summary>Extra source generators (the sample check) besides the main one.</summary>
    public List<Type> Generators { get; } = [typeof(DeclarativeScrapeGenerator)];

    protected override IEnumerable<Type> GetSourceGenerators() => Generators;

    protected override ParseOptions CreateParseOptions() => GeneratorHarness.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
