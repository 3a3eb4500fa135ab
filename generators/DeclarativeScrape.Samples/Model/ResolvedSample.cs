using DeclarativeScrape.Samples.Files;

namespace DeclarativeScrape.Samples.Model
{
    /// <summary>A <c>[Sample]</c> matched with its files.</summary>
    /// <param name="Spec">The attribute.</param>
    /// <param name="Page">The parsed page, or <see langword="null"/> when no additional file matches the path.</param>
    /// <param name="Expectation">Its expected-values file, if any.</param>
    /// <param name="Missing">When the page was not found: where it was looked for and what is near.</param>
    internal sealed record ResolvedSample(SampleSpec Spec, SamplePage? Page, SampleExpectation? Expectation, string? Missing);
}
