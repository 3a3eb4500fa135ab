using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace DeclarativeScrape;

/// <summary>
/// Finds a page's base URL, the one way for the crawl (<see cref="ParseWorker"/>), <c>Parse</c> on saved pages
/// (<see cref="ExtractionDocument"/>) and the compile-time sample checks: as the HTML Standard's "document base URL", the
/// <c>href</c> of the first <c>&lt;base&gt;</c> element that has one, in tree order (in the head or not), resolved against
/// the page URL; the page URL when there is none, or when it does not resolve to an http(s) URL.
/// </summary>
internal static class DocumentBaseUrl
{
    /// <summary>The base URL of <paramref name="document"/>, fetched from <paramref name="pageUrl"/>.</summary>
    public static Uri Find(IDocument document, Uri pageUrl)
    {
        var href = FirstBaseHref(document);
        return href is not null
            && Uri.TryCreate(pageUrl, href.Trim(), out var resolved)
            && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps)
            ? resolved
            : pageUrl;
    }

    // Depth-first, in tree order, with an explicit stack; the head comes first, so a page's <base> is found at once.
    private static string? FirstBaseHref(IDocument document)
    {
        var pending = new Stack<(INodeList Nodes, int Next)>();
        var nodes = document.ChildNodes;
        var next = 0;
        while (true)
        {
            if (next < nodes.Length)
            {
                if (nodes[next++] is not IElement element)
                {
                    continue;
                }

                if (element is IHtmlBaseElement && element.GetAttribute("href") is { } href)
                {
                    return href;
                }

                if (element.ChildNodes.Length > 0)
                {
                    pending.Push((nodes, next));
                    nodes = element.ChildNodes;
                    next = 0;
                }
            }
            else if (pending.Count > 0)
            {
                (nodes, next) = pending.Pop();
            }
            else
            {
                return null;
            }
        }
    }
}
