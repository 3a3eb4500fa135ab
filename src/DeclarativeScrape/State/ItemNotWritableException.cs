namespace DeclarativeScrape;

/// <summary>
/// A completion whose item could not be encoded as an output record: the state store committed the page as the
/// extraction failure <see cref="Outcome"/> (without its items, its links admitted) instead of failing the run.
/// </summary>
internal sealed class ItemNotWritableException(UrlOutcome outcome) : Exception(outcome.Message)
{
    /// <summary>The page's outcome as committed.</summary>
    public UrlOutcome Outcome { get; } = outcome;
}
