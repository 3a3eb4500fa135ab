namespace DeclarativeScrape;

/// <summary>A leased URL's completion: its outcome, items and links, committed in a group's transaction as one unit.</summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
/// <param name="page">What the page caused.</param>
internal sealed class CompleteWork<TItem>(PageCompletion<TItem> page) : StoreWork
{
    public PageCompletion<TItem> Page { get; } = page;

    /// <summary>The items as output records, encoded before the transaction; empty when the page has none or they could not be encoded.</summary>
    public byte[][] Records { get; set; } = [];

    /// <summary>A shared store's CSV rows of the items (beside their JSON records) when the items are one table; else <see langword="null"/>.</summary>
    public byte[][]? CsvRecords { get; set; }

    /// <summary>What the store makes of the page: its outcome (or an extraction failure when its items could not be encoded).</summary>
    public CompletionResult Result { get; set; } = CompletionResult.Kept(page);

    /// <summary>Completes with <see cref="Result"/> once the page's group committed.</summary>
    public TaskCompletionSource<CompletionResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool IsWrite => true;

    public override bool IsCompletion => true;

    /// <summary>A completion as cancelled (the run stopping) leaves the URL to fetch: nothing is written for it.</summary>
    public bool LeavesUrlQueued => Page.Outcome is { Kind: OutcomeKind.Skipped, SkipReason: SkipReason.Cancelled };

    public override void Fail(Exception error) => Done.TrySetException(error);
}
