using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Benchmarks.Generator;

/// <summary>
/// Checks, before anything is measured, that the synthetic project generates cleanly and that each edit has exactly
/// the effect it stands for, so the benchmark measures the incremental path it claims to.
/// </summary>
public static class GeneratorEditCheck
{
    /// <summary>Generated files: one per page and review type, plus the scraper.</summary>
    public const int ExpectedFileCount = SyntheticScraperProject.PageCount + SyntheticScraperProject.ReviewTypeCount + 1;

    /// <summary>Checks the warm run's output, then the output after <paramref name="edit"/>.</summary>
    /// <param name="project">The project.</param>
    /// <param name="warm">The driver after its run on the unedited project.</param>
    /// <param name="edit">The edit.</param>
    public static void Verify(SyntheticCompilation project, GeneratorDriver warm, SourceEdit edit)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(warm);
        VerifyOutput(project.Compilation, warm);
        var before = Sources(warm);
        var after = Sources(warm.RunGenerators(project.Apply(edit).Compilation));
        var changed = before.Keys.Where(name => !after.TryGetValue(name, out var text) || text != before[name]).ToList();
        var expected = edit == SourceEdit.Selector ? 1 : 0;
        if (after.Count != before.Count || changed.Count != expected)
        {
            throw new InvalidOperationException($"The {edit} edit changed {changed.Count} generated files ({string.Join(", ", changed)}), expected {expected}.");
        }

        if (edit == SourceEdit.Selector && !after[changed[0]].Contains(SyntheticScraperProject.SelectorChange.After, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The selector edit did not reach {changed[0]}.");
        }
    }

    /// <summary>Checks that the run produced every file, no diagnostic, and code that compiles without errors.</summary>
    /// <param name="compilation">The compilation the driver ran on.</param>
    /// <param name="driver">The driver after the run.</param>
    public static void VerifyOutput(Compilation compilation, GeneratorDriver driver)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(driver);
        var result = driver.GetRunResult();
        if (result.Results.Single().Exception is { } exception)
        {
            throw new InvalidOperationException("The generator threw.", exception);
        }

        if (result.GeneratedTrees.Length != ExpectedFileCount || !result.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException(
                $"Expected {ExpectedFileCount} generated files and no diagnostic, got {result.GeneratedTrees.Length} files and: {string.Join("; ", result.Diagnostics)}");
        }

        var errors = compilation.AddSyntaxTrees(result.GeneratedTrees).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic project does not compile: " + string.Join("; ", errors));
        }
    }

    private static Dictionary<string, string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
}
