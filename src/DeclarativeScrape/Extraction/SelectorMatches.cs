using System.Runtime.InteropServices;
using AngleSharp.Dom;

namespace DeclarativeScrape.Generated;

/// <summary>
/// What <see cref="ExtractionQuery.Match"/> found for each query of a <see cref="SelectorSet"/>, by the query's index.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public readonly struct SelectorMatches
{
    private readonly SelectorSet _set;
    private readonly object?[] _results;

    internal SelectorMatches(SelectorSet set, object?[] results)
    {
        _set = set;
        _results = results;
    }

    /// <summary>The first match of the <see cref="SelectorQuery.First"/> query at <paramref name="index"/>.</summary>
    /// <param name="index">The query's index in the set.</param>
    /// <returns>The element, or <see langword="null"/> when none matched.</returns>
    /// <exception cref="InvalidOperationException">The query wants every match: use <see cref="All"/>.</exception>
    public IElement? First(int index)
    {
        if (Set[index].IsAll)
        {
            throw new InvalidOperationException($"Query {index} of the set wants every match: read it with All({index}).");
        }

        return (IElement?)_results[index];
    }

    /// <summary>Every match of the <see cref="SelectorQuery.All"/> query at <paramref name="index"/>, in document order.</summary>
    /// <param name="index">The query's index in the set.</param>
    /// <returns>The elements; empty when none matched.</returns>
    /// <exception cref="InvalidOperationException">The query wants only the first match: use <see cref="First"/>.</exception>
    public ReadOnlySpan<IElement> All(int index)
    {
        if (!Set[index].IsAll)
        {
            throw new InvalidOperationException($"Query {index} of the set wants only the first match: read it with First({index}).");
        }

        return _results[index] is List<IElement> matches ? CollectionsMarshal.AsSpan(matches) : [];
    }

    private SelectorSet Set => _set ?? throw new InvalidOperationException("These matches were not made by ExtractionQuery.Match.");
}
