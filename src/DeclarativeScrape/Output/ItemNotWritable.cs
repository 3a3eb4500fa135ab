namespace DeclarativeScrape;

/// <summary>The outcome of a page whose item could not be encoded as an output record: its failure, not the run's.</summary>
internal static class ItemNotWritable
{
    /// <summary><paramref name="outcome"/> turned into an extraction failure naming <paramref name="error"/>.</summary>
    public static UrlOutcome Outcome(UrlOutcome outcome, Exception error) => outcome with
    {
        Kind = OutcomeKind.Failed,
        FailureReason = FailureReason.Extraction,
        Message = $"its item could not be written to the output ({error.GetType().Name}: {error.Message})",
    };
}
