namespace DeclarativeScrape;

/// <summary>
/// What the store made of a <see cref="PageCompletion{TItem}"/>: the outcome it recorded, and whether the page's items
/// were kept (written to the output, committed to the state), so the run streams and counts exactly those.
/// </summary>
/// <param name="Outcome">The outcome as recorded: the page's own, or an extraction failure when its items could not be written.</param>
/// <param name="ItemsKept">Whether the items were kept; <see langword="false"/> when there were none or they could not be written.</param>
internal readonly record struct CompletionResult(UrlOutcome Outcome, bool ItemsKept)
{
    /// <summary>The page as given: its outcome, and its items (if any) kept.</summary>
    public static CompletionResult Kept<TItem>(in PageCompletion<TItem> page) => new(page.Outcome, page.Items.Count > 0);

    /// <summary>
    /// An item of the page could not be encoded as an output record (a user's <c>IFormattable</c> that throws, say): the
    /// page fails with <see cref="FailureReason.Extraction"/>, its items are not kept, its links are still admitted, and
    /// the crawl goes on.
    /// </summary>
    public static CompletionResult NotWritable(UrlOutcome outcome, Exception error) => new(
        outcome with
        {
            Kind = OutcomeKind.Failed,
            FailureReason = FailureReason.Extraction,
            Message = $"its item could not be written to the output ({error.GetType().Name}: {error.Message})",
        },
        ItemsKept: false);
}
