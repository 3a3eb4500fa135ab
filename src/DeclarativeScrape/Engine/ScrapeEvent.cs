using System.Diagnostics.CodeAnalysis;

namespace DeclarativeScrape;

/// <summary>One event of a run: an item, or the outcome of a URL.</summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
public readonly struct ScrapeEvent<TItem>
{
    private readonly TItem? _item;
    private readonly UrlOutcome? _outcome;

    /// <summary>Creates an item event.</summary>
    /// <param name="item">The item.</param>
    public ScrapeEvent(TItem item) => _item = item;

    /// <summary>Creates an outcome event.</summary>
    /// <param name="outcome">The outcome.</param>
    public ScrapeEvent(UrlOutcome outcome) => _outcome = outcome ?? throw new ArgumentNullException(nameof(outcome));

    /// <summary>Whether this is an outcome (else an item).</summary>
    [MemberNotNullWhen(true, nameof(Outcome))]
    public bool IsOutcome => _outcome is not null;

    /// <summary>The outcome, for an outcome event.</summary>
    public UrlOutcome? Outcome => _outcome;

    /// <summary>Gets the item of an item event.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether this is an item event.</returns>
    public bool TryGetItem([MaybeNullWhen(false)] out TItem item)
    {
        item = _item;
        return _outcome is null;
    }
}
