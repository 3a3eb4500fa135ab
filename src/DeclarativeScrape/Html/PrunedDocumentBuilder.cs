using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DeclarativeScrape;

/// <summary>
/// Builds, from a compact <see cref="PageTree"/>, the AngleSharp document the extractor runs on, with only what its
/// selectors can match or read: every element some selector's subject may match (<see cref="PruneSelectors.MayMatch"/>)
/// with its whole subtree, the ancestors of those (with their attributes, without their other content), the element
/// siblings of a kept element a structural pseudo-class may test (it counts them), and every <c>&lt;base&gt;</c> (the runtime reads the
/// first with an <c>href</c>, in tree order: <see cref="DocumentBaseUrl"/>). A selector
/// of the supported forms matches exactly the same elements in this document as in the whole page, in the same order,
/// and reads the same text and markup from them, so the extraction is the same. Not thread-safe: one per parse worker.
/// </summary>
internal sealed class PrunedDocumentBuilder
{
    private const byte Skipped = 0;
    private const byte Path = 1;
    private const byte Whole = 2;
    private const byte Shell = 3;

    private byte[] _keep = new byte[1024];

    /// <summary>The number of elements and text nodes the last document was built with (for tests and benchmarks).</summary>
    public int BuiltNodes { get; private set; }

    /// <summary>
    /// The document of <paramref name="tree"/> for <paramref name="selectors"/>, created with <paramref name="parser"/>'s
    /// context; <see langword="null"/> when AngleSharp refuses a name of the page through its DOM interface (the page
    /// is then parsed in full).
    /// </summary>
    public IHtmlDocument? Build(PageTree tree, PruneSelectors selectors, HtmlParser parser)
    {
        var html = tree.DocumentElement;
        if (html < 0 || !TryHeadAndBody(tree, html, out var head, out var body))
        {
            return null;
        }

        Mark(tree, selectors, html);
        var document = parser.ParseDocument(string.Empty);
        try
        {
            BuiltNodes = 0;
            CopyAttributes(tree, html, document.DocumentElement);
            CopyAttributes(tree, head, document.Head!);
            CopyAttributes(tree, body, document.Body!);
            // <html>, <head> and <body> exist in the new document already; a selector may want any of them whole.
            var wholePage = _keep[html] == Whole;
            Append(tree, head, document.Head!, document, wholePage);
            Append(tree, body, document.Body!, document, wholePage);
            return document;
        }
        catch (DomException)
        {
            document.Dispose();
            return null;
        }
    }

    // The document element's children must be exactly <head> then <body> (text between them is never read).
    private static bool TryHeadAndBody(PageTree tree, int html, out int head, out int body)
    {
        head = body = -1;
        var end = tree[html].End;
        for (var child = html + 1; child < end; child = tree[child].End)
        {
            if (!tree.IsElement(child))
            {
                continue;
            }

            if (head < 0 && tree[child].Name == HtmlNames.Head)
            {
                head = child;
            }
            else if (head >= 0 && body < 0 && tree[child].Name == HtmlNames.Body)
            {
                body = child;
            }
            else
            {
                return false;
            }
        }

        return head >= 0 && body >= 0 && tree[html].Parent == PageTree.DocumentNode;
    }

    private void Mark(PageTree tree, PruneSelectors selectors, int html)
    {
        if (_keep.Length < tree.Count)
        {
            _keep = new byte[Math.Max(tree.Count, _keep.Length * 2)];
        }

        Array.Clear(_keep, 0, tree.Count);
        var keep = _keep;
        var idName = tree.FindName("id");
        var className = tree.FindName("class");
        keep[PageTree.DocumentNode] = Path;
        for (var node = html; node < tree.Count;)
        {
            if (tree.IsElement(node) && (selectors.MayMatch(tree, node, idName, className) || tree[node].Name == HtmlNames.Base))
            {
                keep[node] = Whole;
                for (var ancestor = tree[node].Parent; keep[ancestor] == Skipped; ancestor = tree[ancestor].Parent)
                {
                    keep[ancestor] = Path;
                }

                node = tree[node].End;
            }
            else
            {
                node++;
            }
        }

        if (keep[html] == Skipped)
        {
            keep[html] = Path;
        }

        if (!selectors.IsStructural || keep[html] == Whole)
        {
            return;
        }

        for (var node = html; node < tree.Count; node++)
        {
            if (keep[node] != Path || !KeepsCountedChild(tree, selectors, node))
            {
                continue;
            }

            var end = tree[node].End;
            for (var child = node + 1; child < end; child = tree[child].End)
            {
                if (tree.IsElement(child) && keep[child] == Skipped)
                {
                    keep[child] = Shell;
                }
            }
        }
    }

    // Whether a kept element child of node may be tested by a structural compound (its siblings are then counted).
    private bool KeepsCountedChild(PageTree tree, PruneSelectors selectors, int node)
    {
        var end = tree[node].End;
        for (var child = node + 1; child < end; child = tree[child].End)
        {
            if (tree.IsElement(child) && _keep[child] is Path or Whole && selectors.CountsSiblingsOf(tree.LocalName(child)))
            {
                return true;
            }
        }

        return false;
    }

    private void Append(PageTree tree, int node, INode target, IDocument document, bool whole)
    {
        if (whole || _keep[node] == Whole)
        {
            AppendAll(tree, node, target, document);
        }
        else
        {
            AppendKept(tree, node, target, document);
        }
    }

    private void AppendKept(PageTree tree, int parent, INode target, IDocument document)
    {
        var end = tree[parent].End;
        for (var child = parent + 1; child < end; child = tree[child].End)
        {
            var keep = _keep[child];
            if (keep == Skipped || !tree.IsElement(child))
            {
                continue;
            }

            var element = NewElement(tree, child, document);
            target.AppendChild(element);
            if (keep == Whole)
            {
                AppendAll(tree, child, element, document);
            }
            else if (keep == Path)
            {
                AppendKept(tree, child, element, document);
            }
        }
    }

    private void AppendAll(PageTree tree, int parent, INode target, IDocument document)
    {
        var end = tree[parent].End;
        for (var child = parent + 1; child < end; child = tree[child].End)
        {
            if (tree.IsElement(child))
            {
                var element = NewElement(tree, child, document);
                target.AppendChild(element);
                AppendAll(tree, child, element, document);
            }
            else if (tree.IsComment(child))
            {
                target.AppendChild(document.CreateComment(string.Empty));
            }
            else
            {
                target.AppendChild(document.CreateTextNode(tree.TextOf(child).ToString()));
                BuiltNodes++;
            }
        }
    }

    private IElement NewElement(PageTree tree, int node, IDocument document)
    {
        var element = document.CreateElement(tree.LocalName(node));
        CopyAttributes(tree, node, element);
        BuiltNodes++;
        return element;
    }

    private static void CopyAttributes(PageTree tree, int node, IElement element)
    {
        foreach (ref readonly var attribute in tree.AttributesOf(node))
        {
            element.SetAttribute(tree.Names[attribute.Name], tree.ValueOf(attribute).ToString());
        }
    }
}
