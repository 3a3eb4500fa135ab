namespace DeclarativeScrape;

/// <summary>
/// Everything a leased URL causes, handed to the store in one call (<see cref="ICrawlStore{TItem}.CompleteAsync"/>): its
/// outcome, the items extracted from it and the links found on it.
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
/// <param name="Lease">The URL.</param>
/// <param name="Outcome">How it ended (processed, skipped, failed).</param>
/// <param name="Items">The items extracted from it, in order (empty for most pages).</param>
/// <param name="Links">The links found on it, each with its verdict from <see cref="FrontierPolicy"/>; the store writes its
/// own verdict back (admitted, or a duplicate, or over <see cref="LimitOptions.MaxPages"/>). May be empty.</param>
internal readonly record struct PageCompletion<TItem>(FrontierLease Lease, UrlOutcome Outcome, IReadOnlyList<TItem> Items, List<FrontierCandidate> Links);
