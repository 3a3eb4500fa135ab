using AngleSharp.Css.Dom;

namespace DeclarativeScrape.Generated;

/// <summary>
/// One selector of a <see cref="SelectorSet"/>: the selector, and whether the first match or every match is wanted.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public readonly struct SelectorQuery
{
    private SelectorQuery(ISelector selector, bool isAll)
    {
        ArgumentNullException.ThrowIfNull(selector);
        Selector = selector;
        IsAll = isAll;
    }

    /// <summary>The parsed selector.</summary>
    public ISelector Selector { get; }

    /// <summary>Whether every match is wanted (<see cref="All"/>) rather than the first (<see cref="First"/>).</summary>
    public bool IsAll { get; }

    /// <summary>A query for the first element <paramref name="selector"/> matches, in document order.</summary>
    /// <param name="selector">The parsed selector.</param>
    /// <returns>The query.</returns>
    public static SelectorQuery First(ISelector selector) => new(selector, isAll: false);

    /// <summary>A query for every element <paramref name="selector"/> matches, in document order.</summary>
    /// <param name="selector">The parsed selector.</param>
    /// <returns>The query.</returns>
    public static SelectorQuery All(ISelector selector) => new(selector, isAll: true);
}
