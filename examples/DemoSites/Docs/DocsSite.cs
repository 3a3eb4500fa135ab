using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// A demo documentation site: a home page, three sections (Guides, Reference, API) with an index each, and a few
/// hundred articles with an <c>h1</c>, <c>h2</c>/<c>h3</c> headings with ids, a table of contents (<c>nav.toc a</c>),
/// a sidebar linking every section (<c>nav.sidebar</c>), breadcrumbs (<c>nav.breadcrumbs</c>), previous/next links
/// (<c>nav.pager a[rel=prev]</c>, <c>a[rel=next]</c>), code blocks, cross-links, links to other hosts (a scoped crawler
/// must skip them), a few broken links (404), links to drafts that robots.txt disallows, breadcrumbs written <c>.</c> and
/// <c>..</c>, a printable version of each article at <c>?print=1</c>, PDF downloads and a JSON file (not HTML).
/// <see cref="Pages"/> holds the ground truth.
/// </summary>
public sealed class DocsSite : DemoSite
{
    /// <summary>The path of the ground truth, one JSON object per page (url, kind, section, title, headings, previous, next).</summary>
    public const string ExpectedJsonLinesPath = DocsContent.ExpectedPath;

    private DocsSite(SiteServer server, DocsCatalog catalog)
        : base(server, DocsCatalog.HomePath)
    {
        var entries = catalog.Pages;
        Pages = [.. entries.Select((p, i) => new DocPage
        {
            Url = Url(p.Path),
            Kind = p.Kind,
            Section = p.Section,
            Title = p.Title,
            Headings = [.. p.Headings],
            Previous = i > 0 ? Url(entries[i - 1].Path) : null,
            Next = i < entries.Count - 1 ? Url(entries[i + 1].Path) : null,
            Links = [.. p.Links.Select(Url)],
            BrokenLinks = [.. p.BrokenLinks.Select(Url)],
            DisallowedLinks = [.. p.DisallowedLinks.Select(Url)],
            ExternalLinks = [.. p.ExternalLinks.Append(DocsCatalog.StatusPageUrl).Select(u => new Uri(u))],
            CodeBlocks = [.. p.Blocks.OfType<CodeBlock>().Select(c => c.Code)],
        })];
        BrokenLinks = [.. Pages.SelectMany(p => p.BrokenLinks).Distinct()];
        DisallowedLinks = [.. Pages.SelectMany(p => p.DisallowedLinks).Distinct()];
        ExternalLinks = [.. Pages.SelectMany(p => p.ExternalLinks).Distinct()];
        PrintLinks = [.. Pages.Where(p => p.Kind == DocPageKind.Article).Select(p => new Uri(p.Url, DocsCatalog.PrintQuery))];
        PdfLinks = [.. Pages.Where(p => p.Kind == DocPageKind.Article && p.Section == "reference").Select(p => new Uri(p.Url.AbsoluteUri[..^".html".Length] + DocsCatalog.PdfExtension))];
        OpenApiUrl = Url(DocsCatalog.OpenApiPath);
    }

    /// <summary>Every page in reading order (the order of the previous/next links): home, then each section's index and articles.</summary>
    public IReadOnlyList<DocPage> Pages { get; }

    /// <summary>Every distinct broken link on the site (each answers 404).</summary>
    public IReadOnlyList<Uri> BrokenLinks { get; }

    /// <summary>The path prefix robots.txt disallows (<c>/docs/drafts/</c>); nothing is served below it.</summary>
    public const string DisallowedPath = DocsCatalog.DraftsPath;

    /// <summary>Every distinct link to a page below <see cref="DisallowedPath"/> (drafts, linked from the home page and some articles).</summary>
    public IReadOnlyList<Uri> DisallowedLinks { get; }

    /// <summary>Every distinct link to another host on the site.</summary>
    public IReadOnlyList<Uri> ExternalLinks { get; }

    /// <summary>
    /// Every article's "Printable version" link (<c>?print=1</c>): the article again at another URL, which a crawler
    /// following every link should leave out by a rule on the query string.
    /// </summary>
    public IReadOnlyList<Uri> PrintLinks { get; }

    /// <summary>The reference articles' "Download as PDF" links (<c>slug.pdf</c>, served as <c>application/pdf</c>).</summary>
    public IReadOnlyList<Uri> PdfLinks { get; }

    /// <summary>The API description linked from the API section's index, served as <c>application/json</c>: not HTML.</summary>
    public Uri OpenApiUrl { get; }

    /// <summary>Starts a documentation site on 127.0.0.1: on a free port, or on <see cref="DemoSiteOptions.Port"/>.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults (200 articles, seed 7).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running site; dispose it to stop it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static async Task<DocsSite> StartAsync(DocsSiteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DocsSiteOptions();
        options.Validate();
        var catalog = new DocsCatalog(options);
        var content = new DocsContent(catalog);
        var server = await SiteServer.StartAsync(content, options, cancellationToken).ConfigureAwait(false);
        var site = new DocsSite(server, catalog);
        content.ExpectedJsonLines = ToJsonLines(site.Pages);
        return site;
    }

    /// <summary>Writes pages as JSON Lines: url, kind, section, title, headings (level, id, text), previous, next.</summary>
    /// <param name="pages">The pages.</param>
    /// <returns>One line per page.</returns>
    public static string ToJsonLines(IEnumerable<DocPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var page in pages)
        {
            using (var json = new Utf8JsonWriter(buffer, options))
            {
                json.WriteStartObject();
                json.WriteString("url", page.Url.AbsoluteUri);
                json.WriteString("kind", page.Kind.ToString());
                json.WriteString("section", page.Section);
                json.WriteString("title", page.Title);
                json.WriteStartArray("headings");
                foreach (var heading in page.Headings)
                {
                    json.WriteStartObject();
                    json.WriteNumber("level", heading.Level);
                    json.WriteString("id", heading.Id);
                    json.WriteString("text", heading.Text);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteString("previous", page.Previous?.AbsoluteUri);
                json.WriteString("next", page.Next?.AbsoluteUri);
                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
