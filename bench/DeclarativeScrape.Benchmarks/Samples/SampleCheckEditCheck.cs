using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Benchmarks.Samples;

/// <summary>
/// Checked before anything is timed: the warm run checks all 20 samples and finds nothing wrong (the samples are what
/// their types read), and each edit gives exactly the verdict it stands for, so the benchmark times real checks.
/// </summary>
public static class SampleCheckEditCheck
{
    /// <summary>Fails loudly when the project or an edit does not behave as the benchmark says.</summary>
    /// <param name="project">The sampled project.</param>
    /// <param name="warm">A driver with the sample check, run once on the project.</param>
    /// <param name="edit">The edit the benchmark applies.</param>
    public static void Verify(SampleCheckProject project, GeneratorDriver warm, SampleEdit edit)
    {
        if (project.Samples.Length != 20 || project.Samples.Any(s => s.Bytes < SampleCheckProject.SampleBytes))
        {
            throw new InvalidOperationException($"Expected 20 samples of at least {SampleCheckProject.SampleBytes} bytes, found {project.Samples.Length}.");
        }

        var before = SampleDiagnostics(warm);
        if (before.Count != 0)
        {
            throw new InvalidOperationException("The samples should pass their types' checks: " + string.Join("; ", before));
        }

        var (compilation, driver) = project.Apply(edit, warm);
        var after = SampleDiagnostics(driver.RunGenerators(compilation));
        var expected = edit == SampleEdit.UnrelatedFile ? 0 : 1;
        if (after.Count != expected || (expected == 1 && !after[0].StartsWith("DS0028", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The {edit} edit should give {expected} DS0028 from the edited type's sample, not: " + string.Join("; ", after));
        }
    }

    private static List<string> SampleDiagnostics(GeneratorDriver driver) =>
        [.. driver.GetRunResult().Diagnostics.Where(d => d.Id is "DS0028" or "DS0029" or "DS0030" or "DS0031" or "DS0032" or "DS0033" or "DS0034" or "DS0035")
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))];
}
