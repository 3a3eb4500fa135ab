using System.Text;

namespace DeclarativeScrape.DemoSites;

/// <summary>The documentation site's pages, rendered from a <see cref="DocsCatalog"/>.</summary>
internal sealed class DocsContent : ISiteContent
{
    public const string ExpectedPath = "/__expected.jsonl";

    private readonly DocsCatalog _catalog;
    private readonly Dictionary<string, int> _indexByPath;

    public DocsContent(DocsCatalog catalog)
    {
        _catalog = catalog;
        _indexByPath = catalog.Pages.Select((p, i) => (p.Path, i)).ToDictionary(x => x.Path, x => x.i, StringComparer.Ordinal);
        NotFound = SitePage.Html(Layout("/docs/404.html", "Page not found", null, sb =>
            sb.Append("<article>\n<h1>Page not found</h1>\n<p>There is no page at this address. Start from the <a href=\"/docs/\">documentation home</a>.</p>\n</article>\n")), 404);
    }

    public SitePage NotFound { get; }

    /// <summary>The ground truth as JSON Lines, set once the site knows its address.</summary>
    public string? ExpectedJsonLines { get; set; }

    public SitePage? Render(string path)
    {
        switch (path)
        {
            case "/" or "/index.html":
                return SitePage.Html(Layout(path, "DemoDocs", null, sb => sb.Append("<article>\n<h1>DemoDocs</h1>\n<p><a href=\"docs/\">Read the documentation</a>.</p>\n</article>\n")));
            case "/robots.txt":
                return SitePage.Text($"User-agent: *\nDisallow: {DocsCatalog.DraftsPath}\n");
            case ExpectedPath:
                return ExpectedJsonLines is null ? null : SitePage.Text(ExpectedJsonLines, SitePage.JsonLinesContentType);
        }

        if (_indexByPath.TryGetValue(path, out var index))
        {
            return SitePage.Html(Page(index));
        }

        if (path == DocsCatalog.OpenApiPath)
        {
            return SitePage.Text("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"DemoDocs\",\"version\":\"1\"},\"paths\":{}}", "application/json");
        }

        // A reference article's PDF: a tiny (not really valid) PDF, enough for its Content-Type to be the point.
        return path.EndsWith(DocsCatalog.PdfExtension, StringComparison.Ordinal) && _indexByPath.TryGetValue(path[..^DocsCatalog.PdfExtension.Length] + ".html", out var article)
               && _catalog.Pages[article].Section == "reference"
            ? SitePage.Text("%PDF-1.4\n% DemoDocs\n", "application/pdf")
            : null;
    }

    private string Page(int index)
    {
        var page = _catalog.Pages[index];
        return Layout(page.Path, page.Title, page, sb =>
        {
            sb.Append("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n<ol>\n");
            if (page.Kind == DocPageKind.Home)
            {
                sb.Append("<li class=\"active\" aria-current=\"page\">Docs</li>\n");
            }
            else
            {
                // Written as sites write them: ".." to the parent directory, "." to the page's own directory.
                sb.Append("<li><a href=\"").Append(Dots(RelativeUrl.Between(page.Path, DocsCatalog.HomePath))).Append("\">Docs</a></li>\n");
                if (page.Kind == DocPageKind.Article)
                {
                    var section = DocsCatalog.Sections.First(s => s.Key == page.Section);
                    sb.Append("<li><a href=\"").Append(Dots(RelativeUrl.Between(page.Path, DocsCatalog.SectionPath(section.Key)))).Append("\">").Append(section.Title).Append("</a></li>\n");
                }

                sb.Append("<li class=\"active\" aria-current=\"page\">").AppendEncoded(page.Title).Append("</li>\n");
            }

            sb.Append("</ol>\n</nav>\n<article>\n<h1>").AppendEncoded(page.Title).Append("</h1>\n");
            if (page.Headings.Count > 0)
            {
                sb.Append("<nav class=\"toc\" aria-label=\"On this page\">\n<p class=\"toc-title\">On this page</p>\n<ul>\n");
                foreach (var heading in page.Headings)
                {
                    sb.Append("<li class=\"toc-h").Append(heading.Level).Append("\"><a href=\"#").Append(heading.Id).Append("\">").AppendEncoded(heading.Text).Append("</a></li>\n");
                }

                sb.Append("</ul>\n</nav>\n");
            }

            foreach (var block in page.Blocks)
            {
                RenderBlock(sb, page.Path, block);
            }

            sb.Append("</article>\n<nav class=\"pager\" aria-label=\"Previous and next\">\n");
            if (index > 0)
            {
                var previous = _catalog.Pages[index - 1];
                sb.Append("<a class=\"prev\" rel=\"prev\" href=\"").Append(RelativeUrl.Between(page.Path, previous.Path)).Append("\">← ").AppendEncoded(previous.Title).Append("</a>\n");
            }

            if (index < _catalog.Pages.Count - 1)
            {
                var next = _catalog.Pages[index + 1];
                sb.Append("<a class=\"next\" rel=\"next\" href=\"").Append(RelativeUrl.Between(page.Path, next.Path)).Append("\">").AppendEncoded(next.Title).Append(" →</a>\n");
            }

            if (page.Kind == DocPageKind.Article)
            {
                sb.Append("<a class=\"print\" href=\"").Append(DocsCatalog.PrintQuery).Append("\">Printable version</a>\n");
                if (page.Section == "reference")
                {
                    sb.Append("<a class=\"download\" href=\"").Append(page.Path.Split('/')[^1][..^".html".Length]).Append(DocsCatalog.PdfExtension).Append("\">Download as PDF</a>\n");
                }
            }
            else if (page.Kind == DocPageKind.SectionIndex && page.Section == "api")
            {
                sb.Append("<a class=\"download\" href=\"").Append(RelativeUrl.Between(page.Path, DocsCatalog.OpenApiPath)).Append("\">OpenAPI description</a>\n");
            }

            sb.Append("</nav>\n");
        });
    }

    /// <summary>"." for "./" and ".." for "../": the spellings of the same directory that a link rule on resolved URLs follows.</summary>
    private static string Dots(string relative) => relative switch
    {
        "./" => ".",
        "../" => "..",
        _ => relative,
    };

    private static void RenderBlock(StringBuilder sb, string path, DocBlock block)
    {
        switch (block)
        {
            case HeadingBlock { Heading: var h }:
                sb.Append("<h").Append(h.Level).Append(" id=\"").Append(h.Id).Append("\">").AppendEncoded(h.Text)
                  .Append(" <a class=\"anchor\" href=\"#").Append(h.Id).Append("\" aria-hidden=\"true\">#</a></h").Append(h.Level).Append(">\n");
                break;
            case ParagraphBlock paragraph:
                sb.Append("<p>").AppendEncoded(paragraph.Text);
                foreach (var link in paragraph.Links)
                {
                    var external = link.Target.Contains("://", StringComparison.Ordinal);
                    sb.Append(' ').AppendEncoded(link.Lead).Append("<a href=\"").Append(external ? link.Target : Relative(path, link.Target)).Append('"')
                      .Append(external ? " class=\"external\" rel=\"noopener\"" : "").Append('>').AppendEncoded(link.Text).Append("</a>").AppendEncoded(link.Tail);
                }

                sb.Append("</p>\n");
                break;
            case CodeBlock { Code: var code }:
                sb.Append("<div class=\"code\">\n<button class=\"copy\" type=\"button\">Copy</button>\n<pre><code class=\"language-").Append(code.Language).Append("\">")
                  .AppendEncoded(code.Code).Append("</code></pre>\n</div>\n");
                break;
            case LinkListBlock list:
                sb.Append("<ul class=\"page-list\">\n");
                for (var i = 0; i < list.Paths.Count; i++)
                {
                    sb.Append("<li><a href=\"").Append(RelativeUrl.Between(path, list.Paths[i])).Append("\">").AppendEncoded(list.Titles[i]).Append("</a></li>\n");
                }

                sb.Append("</ul>\n");
                break;
        }
    }

    private static string Relative(string from, string target)
    {
        var hash = target.IndexOf('#');
        return hash < 0 ? RelativeUrl.Between(from, target) : RelativeUrl.Between(from, target[..hash]) + target[hash..];
    }

    private string Layout(string path, string title, DocEntry? current, Action<StringBuilder> main)
    {
        var sb = new StringBuilder(24 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").AppendEncoded(title).Append(" · DemoDocs</title>\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"DemoDocs\">\n")
          .Append("<link rel=\"stylesheet\" href=\"/assets/docs.css\">\n<link rel=\"canonical\" href=\"").Append(path).Append("\">\n")
          .Append("<script defer src=\"/assets/search.js\"></script>\n</head>\n<body>\n<a id=\"top\"></a>\n<header class=\"site-header\">\n")
          .Append("<a class=\"brand\" href=\"").Append(RelativeUrl.Between(path, DocsCatalog.HomePath)).Append("\">DemoDocs</a>\n<nav class=\"top-nav\" aria-label=\"Sections\">\n");
        foreach (var (key, sectionTitle) in DocsCatalog.Sections)
        {
            sb.Append("<a href=\"").Append(RelativeUrl.Between(path, DocsCatalog.SectionPath(key))).Append("\">").Append(sectionTitle).Append("</a>\n");
        }

        sb.Append("</nav>\n<form class=\"search\" action=\"/search\" method=\"get\"><input name=\"q\" type=\"search\" placeholder=\"Search the docs\"></form>\n</header>\n")
          .Append("<div class=\"layout\">\n<nav class=\"sidebar\" aria-label=\"Documentation\">\n<ul>\n");
        for (var s = 0; s < DocsCatalog.Sections.Length; s++)
        {
            var (key, sectionTitle) = DocsCatalog.Sections[s];
            sb.Append("<li><a class=\"section\" href=\"").Append(RelativeUrl.Between(path, DocsCatalog.SectionPath(key))).Append("\">").Append(sectionTitle).Append("</a>\n");
            if (current?.Section == key)
            {
                sb.Append("<ul>\n");
                foreach (var article in _catalog.ArticlesBySection[s])
                {
                    sb.Append("<li><a href=\"").Append(RelativeUrl.Between(path, article.Path)).Append('"').Append(ReferenceEquals(article, current) ? " class=\"active\"" : "")
                      .Append('>').AppendEncoded(article.Title).Append("</a></li>\n");
                }

                sb.Append("</ul>\n");
            }

            sb.Append("</li>\n");
        }

        sb.Append("</ul>\n</nav>\n<main>\n");
        main(sb);
        sb.Append("</main>\n</div>\n<footer class=\"site-footer\">\n<p>© DemoDocs. Every page here is generated.</p>\n")
          .Append("<a href=\"").Append(DocsCatalog.StatusPageUrl).Append("\">Service status</a>\n<a href=\"mailto:docs@example.com\">Feedback</a>\n<a href=\"#top\">Back to top</a>\n</footer>\n")
          .Append("<script>\n  document.querySelectorAll('button.copy').forEach(function (b) {\n    b.addEventListener('click', function () { navigator.clipboard.writeText(b.nextElementSibling.innerText); });\n  });\n</script>\n</body>\n</html>\n");
        return sb.ToString();
    }
}
