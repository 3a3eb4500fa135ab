namespace DeclarativeScrape;

/// <summary>
/// Thrown by the generated <c>Parse(string html, Uri url)</c> convenience method when a page does not extract.
/// The crawl itself never throws it: there, a failed extraction is a recorded <see cref="UrlOutcome"/>.
/// </summary>
public sealed class ExtractionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failures">Every failure of the page; at least one.</param>
    public ExtractionException(IReadOnlyList<ExtractionFailure> failures)
        : base(BuildMessage(failures)) => Failures = failures;

    /// <summary>Every failure of the page.</summary>
    public IReadOnlyList<ExtractionFailure> Failures { get; }

    private static string BuildMessage(IReadOnlyList<ExtractionFailure> failures) =>
        failures.Count == 1
            ? "Extraction failed: " + failures[0]
            : $"Extraction failed ({failures.Count} values):" + Environment.NewLine + string.Join(Environment.NewLine, failures);
}
