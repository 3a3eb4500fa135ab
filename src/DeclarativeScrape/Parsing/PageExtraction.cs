namespace DeclarativeScrape;

/// <summary>What a parse worker got out of one page: the item (if any), the failures, and whether the extractor threw.</summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
internal readonly struct PageExtraction<TItem>
{
    public required bool HasItem { get; init; }

    public TItem? Item { get; init; }

    public required IReadOnlyList<ExtractionFailure> Failures { get; init; }

    /// <summary>The extractor's exception message, when it threw (a bug in a user converter, say).</summary>
    public string? Error { get; init; }

    public bool Failed => Failures.Count > 0 || Error is not null;
}
