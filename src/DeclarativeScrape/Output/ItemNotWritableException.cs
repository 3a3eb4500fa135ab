namespace DeclarativeScrape;

/// <summary>
/// An item that could not be encoded as an output record (a user's <c>IFormattable</c> that throws, say) fails its page,
/// not the run. A state store commits the page as <see cref="Outcome"/> (without its items, its links admitted) and
/// tells the completing parse worker with this exception; the plain output writer reports it through its
/// <c>TryWrite</c>, and the worker makes the same outcome with <see cref="FailedOutcome"/>.
/// </summary>
internal sealed class ItemNotWritableException(UrlOutcome outcome) : Exception(outcome.Message)
{
    /// <summary>The page's outcome as committed.</summary>
    public UrlOutcome Outcome { get; } = outcome;

    /// <summary><paramref name="outcome"/> turned into the extraction failure naming <paramref name="error"/>.</summary>
    public static UrlOutcome FailedOutcome(UrlOutcome outcome, Exception error) => outcome with
    {
        Kind = OutcomeKind.Failed,
        FailureReason = FailureReason.Extraction,
        Message = $"its item could not be written to the output ({error.GetType().Name}: {error.Message})",
    };
}
