using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DeclarativeScrape.Tests.Html;

/// <summary>
/// Compares the compact parser's tree of a page with AngleSharp's (parsed with the crawl's options and the same
/// attribute filter): the same elements, names, attributes (in order) and text, node by node in document order.
/// </summary>
internal static class CompactTreeComparison
{
    /// <summary>The first difference, or <see langword="null"/> when the trees are equal or the compact parser fell back.</summary>
    public static string? FirstDifference(PageParser parser, string html, IReadOnlyList<string>? attributes, out TreeFallback fallback)
    {
        var filter = attributes is null ? null : new AttributeFilter(attributes);
        fallback = parser.Parse(html.AsMemory(), filter);
        if (fallback != TreeFallback.None)
        {
            return null;
        }

        var options = ParserSetup.Options;
        if (filter is not null)
        {
            options.ShouldEmitAttribute = filter.ShouldEmit;
        }

        using var document = new HtmlParser(options).ParseDocument(html);
        var tree = parser.Tree;
        var expected = new List<string>();
        Flatten(document, 0, expected);
        var actual = new List<string>();
        for (var i = 1; i < tree.Count; i++)
        {
            actual.Add(Describe(tree, i));
        }

        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : "(end)";
            var a = i < actual.Count ? actual[i] : "(end)";
            if (e != a)
            {
                var context = string.Join("\n  ", expected.Skip(Math.Max(0, i - 4)).Take(4));
                return $"node {i}: AngleSharp {e}\n  compact   {a}\n  after:\n  {context}";
            }
        }

        return null;
    }

    private static void Flatten(INode parent, int depth, List<string> into)
    {
        var text = new StringBuilder();
        foreach (var child in parent.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
                continue;
            }

            if (child is IComment comment)
            {
                Flush(text, depth + 1, into);
                into.Add($"{depth + 1} <!--{comment.Data}-->");
                continue;
            }

            if (child is not IElement element)
            {
                continue;
            }

            Flush(text, depth + 1, into);
            var line = new StringBuilder().Append(depth + 1).Append(" <").Append(element.LocalName);
            if (element.NamespaceUri != "http://www.w3.org/1999/xhtml")
            {
                line.Append(" ns=").Append(element.NamespaceUri);
            }

            foreach (var attribute in element.Attributes)
            {
                line.Append(' ').Append(attribute.Name).Append("=\"").Append(attribute.Value).Append('"');
            }

            into.Add(line.Append('>').ToString());
            Flatten(element is AngleSharp.Html.Dom.IHtmlTemplateElement template ? template.Content : element, depth + 1, into);
        }

        Flush(text, depth + 1, into);
    }

    private static void Flush(StringBuilder text, int depth, List<string> into)
    {
        if (text.Length > 0)
        {
            into.Add(depth + " \"" + Escape(text.ToString()) + "\"");
            text.Clear();
        }
    }

    private static string Describe(PageTree tree, int node)
    {
        if (tree.IsComment(node))
        {
            return tree[node].Depth + " <!---->";
        }

        if (!tree.IsElement(node))
        {
            return tree[node].Depth + " \"" + Escape(tree.TextOf(node).ToString()) + "\"";
        }

        var line = new StringBuilder().Append(tree[node].Depth).Append(" <").Append(tree.LocalName(node));
        foreach (var attribute in tree.AttributesOf(node))
        {
            line.Append(' ').Append(tree.Names[attribute.Name]).Append("=\"").Append(tree.ValueOf(attribute)).Append('"');
        }

        return line.Append('>').ToString();
    }

    private static string Escape(string text) => text.Length > 200 ? text[..100].ReplaceLineEndings("\\n") + "…" + text[^100..].ReplaceLineEndings("\\n") : text.ReplaceLineEndings("\\n");
}
