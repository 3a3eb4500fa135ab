using System.Collections.Frozen;
using AngleSharp.Css.Dom;

namespace DeclarativeScrape.Generated;

/// <summary>
/// The selectors of one extractor, matched together by <see cref="ExtractionQuery.Match"/> in a single walk over the
/// scope instead of one walk per selector. Generated code builds one per page or item type, once, in a
/// <see langword="static readonly"/> field, and refers to each query by its index.
/// </summary>
/// <remarks>
/// For each selector the set notes the element name its rightmost compound selector requires (<c>h1</c> in
/// <c>div.product_main h1</c>, none for <c>.price</c> or <c>h1, h2</c>), so that the walk rejects most elements by
/// their name (compared as AngleSharp's type selector compares it) before running the full matcher. With up to
/// <see cref="MaskedLimit"/> queries, one lookup of the element's name gives the bit mask of the queries worth running.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class SelectorSet
{
    /// <summary>The most queries a set can have for the walk to pick candidates by bit mask (more are tested one by one).</summary>
    internal const int MaskedLimit = 64;

    private readonly SelectorQuery[] _queries;
    private readonly string?[] _names;

    /// <summary>Creates the set.</summary>
    /// <param name="queries">The queries; their positions are the indexes of <see cref="SelectorMatches"/>.</param>
    public SelectorSet(params SelectorQuery[] queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        _queries = [.. queries];
        _names = new string?[_queries.Length];
        for (var i = 0; i < _queries.Length; i++)
        {
            if (_queries[i].Selector is null)
            {
                throw new ArgumentException($"Query {i} has no selector (a default SelectorQuery).", nameof(queries));
            }

            _names[i] = SelectorElementName.Of(_queries[i].Selector);
            if (_queries[i].IsAll)
            {
                HasAll = true;
            }
            else
            {
                FirstCount++;
            }
        }

        IsMasked = _queries.Length <= MaskedLimit;
        var named = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _queries.Length && IsMasked; i++)
        {
            var bit = 1UL << i;
            AllMask |= bit;
            if (!_queries[i].IsAll)
            {
                FirstMask |= bit;
            }

            if (_names[i] is { } name)
            {
                named[name] = named.GetValueOrDefault(name) | bit;
            }
            else
            {
                UnnamedMask |= bit;
            }
        }

        NamedMasks = named.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The number of queries.</summary>
    public int Count => _queries.Length;

    /// <summary>The query at <paramref name="index"/>.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    public SelectorQuery this[int index] => _queries[index];

    /// <summary>Whether any query wants every match (the walk then covers the whole scope).</summary>
    internal bool HasAll { get; }

    /// <summary>The number of queries that want only the first match.</summary>
    internal int FirstCount { get; }

    internal ReadOnlySpan<SelectorQuery> Queries => _queries;

    /// <summary>Whether the walk picks candidates by bit mask (at most <see cref="MaskedLimit"/> queries).</summary>
    internal bool IsMasked { get; }

    /// <summary>One bit per query (masked sets only).</summary>
    internal ulong AllMask { get; }

    /// <summary>The bits of the queries that want only the first match (masked sets only).</summary>
    internal ulong FirstMask { get; }

    /// <summary>The bits of the queries whose selector requires no particular element name (masked sets only).</summary>
    internal ulong UnnamedMask { get; }

    /// <summary>For each required element name (ASCII case-insensitively), the bits of the queries requiring it (masked sets only).</summary>
    internal FrozenDictionary<string, ulong> NamedMasks { get; }

    /// <summary>Per query, the element name a match must have (ASCII case-insensitively), or <see langword="null"/>.</summary>
    internal ReadOnlySpan<string?> ElementNames => _names;

    /// <summary>The element name <paramref name="selector"/> requires, as <see cref="ElementNames"/> holds it (for tests).</summary>
    internal static string? ElementNameOf(ISelector selector) => SelectorElementName.Of(selector);
}
