using System.Numerics;
using System.Runtime.CompilerServices;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace DeclarativeScrape.Generated;

/// <summary>
/// Finds the elements cached <see cref="ISelector"/>s match below a scope (a document or an element), in document
/// order, without LINQ and without re-parsing the selectors: one selector at a time (<see cref="First"/>,
/// <see cref="All"/>), or every selector of an extractor in one walk (<see cref="Match"/>, what generated code calls).
/// <c>:scope</c> is the scope element, or the document element when the scope is a document, as in AngleSharp's own
/// <c>QuerySelector</c>. The scope itself is never a match (a generated extractor reads a property whose selector is
/// exactly <c>:scope</c> from <see cref="ScopeElement"/> instead).
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ExtractionQuery
{
    private const int InitialDepth = 64;

    private const int NameMemoSize = 16;

    [ThreadStatic]
    private static Frame[]? t_frames;

    [ThreadStatic]
    private static Action<SelectorSet>? t_setGuard;

    [ThreadStatic]
    private static NameMemo[]? t_nameMemo;

    /// <summary>
    /// Matches every query of <paramref name="set"/> in one walk over the descendants of <paramref name="scope"/>, in
    /// document order: the result is what <see cref="First"/> or <see cref="All"/> would give for each query, at the
    /// cost of a single pass (which stops early once every query wants only a first match and all are found).
    /// </summary>
    /// <param name="scope">The document or element searched (the scope itself is not a candidate).</param>
    /// <param name="set">The queries.</param>
    /// <returns>The matches, by query index.</returns>
    public static SelectorMatches Match(IParentNode scope, SelectorSet set)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(set);
        t_setGuard?.Invoke(set);
        var results = new object?[set.Count];
        if (scope is INode node && set.Count > 0)
        {
            Walk(node, set, results, ScopeElement(scope));
        }

        return new SelectorMatches(set, results);
    }

    /// <summary>
    /// Called with every set <see cref="Match"/> is asked for on this thread, or <see langword="null"/>. The crawl's
    /// parse worker sets it while an extractor runs on a document built only for the selectors its plan lists; the guard
    /// throws for a set with a selector the plan does not list (the page is then parsed in full), so a document built
    /// for some selectors is never searched with others.
    /// </summary>
    internal static Action<SelectorSet>? SetGuard
    {
        get => t_setGuard;
        set => t_setGuard = value;
    }

    /// <summary>The first descendant of <paramref name="scope"/> that <paramref name="selector"/> matches.</summary>
    /// <param name="scope">The document or element searched (the scope itself is not a candidate).</param>
    /// <param name="selector">The parsed selector.</param>
    /// <returns>The element, or <see langword="null"/> when none matches.</returns>
    public static IElement? First(IParentNode scope, ISelector selector)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(selector);
        return scope is INode node ? FirstBelow(node, selector, ScopeElement(scope)) : null;
    }

    /// <summary>Every descendant of <paramref name="scope"/> that <paramref name="selector"/> matches, in document order.</summary>
    /// <param name="scope">The document or element searched (the scope itself is not a candidate).</param>
    /// <param name="selector">The parsed selector.</param>
    /// <returns>The elements; empty when none matches.</returns>
    public static List<IElement> All(IParentNode scope, ISelector selector)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(selector);
        var matches = new List<IElement>();
        if (scope is INode node)
        {
            AllBelow(node, selector, ScopeElement(scope), matches);
        }

        return matches;
    }

    // Depth-first, pre-order, with an explicit stack (a deeply nested page cannot overflow the thread's stack) kept
    // per thread. Every element AngleSharp builds derives from Element: a class test is cheaper than an interface test.
    private static void Walk(INode root, SelectorSet set, object?[] results, IElement? scope)
    {
        var frames = t_frames ?? new Frame[InitialDepth];
        t_frames = null;
        var memo = t_nameMemo ?? new NameMemo[NameMemoSize];
        t_nameMemo = null;
        var depth = 0;
        var deepest = 0;
        var pendingFirst = set.FirstCount;
        var open = set.AllMask;
        var nodes = root.ChildNodes;
        var count = nodes.Length;
        var next = 0;
        while (true)
        {
            if (next < count)
            {
                if (nodes[next++] is not Element element)
                {
                    continue;
                }

                if (set.IsMasked ? VisitMasked(element, set, memo, results, scope, ref open) : Visit(element, set, results, scope, ref pendingFirst))
                {
                    break;
                }

                var children = ((INode)element).ChildNodes;
                var childCount = children.Length;
                if (childCount > 0)
                {
                    if (depth == frames.Length)
                    {
                        Array.Resize(ref frames, depth * 2);
                    }

                    frames[depth++] = new Frame(nodes, next, count);
                    deepest = Math.Max(deepest, depth);
                    nodes = children;
                    count = childCount;
                    next = 0;
                }
            }
            else if (depth > 0)
            {
                (nodes, next, count) = frames[--depth];
            }
            else
            {
                break;
            }
        }

        // Keep no reference to the document; a buffer grown by a freak page is not kept.
        Array.Clear(frames, 0, deepest);
        Array.Clear(memo);
        t_nameMemo = memo;
        if (frames.Length <= 16 * InitialDepth)
        {
            t_frames = frames;
        }
    }

    // Tests element against the open queries its name allows, picked from bit masks; true when nothing is left to find.
    // Element names are few and shared (AngleSharp gives every <div> the same string), so the mask of each name string
    // is remembered for the walk by reference, in a small direct-mapped memo.
    private static bool VisitMasked(Element element, SelectorSet set, NameMemo[] memo, object?[] results, IElement? scope, ref ulong open)
    {
        var name = element.LocalName;
        ref var slot = ref memo[RuntimeHelpers.GetHashCode(name) & (NameMemoSize - 1)];
        if (!ReferenceEquals(slot.Name, name))
        {
            slot = new NameMemo(name, set.NamedMasks.TryGetValue(name, out var named) ? set.UnnamedMask | named : set.UnnamedMask);
        }

        var candidates = slot.Mask & open;
        var queries = set.Queries;
        while (candidates != 0)
        {
            var q = BitOperations.TrailingZeroCount(candidates);
            candidates &= candidates - 1;
            var query = queries[q];
            if (!query.Selector.Match(element, scope))
            {
                continue;
            }

            if (query.IsAll)
            {
                ((List<IElement>)(results[q] ??= new List<IElement>())).Add(element);
            }
            else
            {
                results[q] = element;
                open &= ~(1UL << q);
            }
        }

        return (open & set.FirstMask) == 0 && !set.HasAll;
    }

    // Tests element against every query still open (sets too large for masks); true when nothing is left to find.
    private static bool Visit(IElement element, SelectorSet set, object?[] results, IElement? scope, ref int pendingFirst)
    {
        var queries = set.Queries;
        var names = set.ElementNames;
        var name = element.LocalName;
        for (var q = 0; q < queries.Length; q++)
        {
            var query = queries[q];
            if (!query.IsAll && results[q] is not null)
            {
                continue;
            }

            if (names[q] is { } required && !string.Equals(required, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!query.Selector.Match(element, scope))
            {
                continue;
            }

            if (query.IsAll)
            {
                ((List<IElement>)(results[q] ??= new List<IElement>())).Add(element);
            }
            else
            {
                results[q] = element;
                pendingFirst--;
            }
        }

        return pendingFirst == 0 && !set.HasAll;
    }

    /// <summary>An element name string and the mask of the queries worth running on elements of that name.</summary>
    private readonly record struct NameMemo(string Name, ulong Mask);

    /// <summary>Where the walk resumes in a parent's children (the document does not change during a walk).</summary>
    private readonly record struct Frame(INodeList Nodes, int Next, int Count);

    /// <summary>
    /// The element <c>:scope</c> stands for: <paramref name="scope"/> itself when it is an element (a nested item's
    /// matched element), the document element (<c>&lt;html&gt;</c>) when it is a document. Generated code reads a
    /// property whose selector is exactly <c>:scope</c> from it, without a walk.
    /// </summary>
    /// <param name="scope">The document or element being extracted.</param>
    /// <returns>The element, or <see langword="null"/> for a document without a document element (or another kind of node).</returns>
    public static IElement? ScopeElement(IParentNode scope) =>
        scope as IElement ?? (scope as IDocument)?.DocumentElement;

    // ChildNodes is indexed in O(1); NextElementSibling would scan the parent's children on every step.
    private static IElement? FirstBelow(INode parent, ISelector selector, IElement? scope)
    {
        var children = parent.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IElement element)
            {
                if (selector.Match(element, scope))
                {
                    return element;
                }

                if (element.ChildNodes.Length > 0 && FirstBelow(element, selector, scope) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static void AllBelow(INode parent, ISelector selector, IElement? scope, List<IElement> matches)
    {
        var children = parent.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IElement element)
            {
                if (selector.Match(element, scope))
                {
                    matches.Add(element);
                }

                if (element.ChildNodes.Length > 0)
                {
                    AllBelow(element, selector, scope, matches);
                }
            }
        }
    }
}
