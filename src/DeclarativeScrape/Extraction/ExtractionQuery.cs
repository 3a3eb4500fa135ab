using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace DeclarativeScrape;

/// <summary>
/// Finds the elements a cached <see cref="ISelector"/> matches below a scope (a document or an element), in
/// document order, without LINQ and without re-parsing the selector. <c>:scope</c> is the scope element, or the
/// document element when the scope is a document, as in AngleSharp's own <c>QuerySelector</c>.
/// </summary>
public static class ExtractionQuery
{
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

    private static IElement? ScopeElement(IParentNode scope) =>
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
