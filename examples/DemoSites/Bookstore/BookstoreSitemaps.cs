using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// The bookstore's sitemaps, as robots.txt announces them (<c>Sitemap: /sitemap.xml</c>): <c>/sitemap.xml</c> is a
/// sitemap index of <c>/sitemap-books.xml.gz</c> (every book with its <c>lastmod</c>, gzip-compressed, served as
/// <c>application/gzip</c>) and <c>/sitemap-pages.xml</c> (the home page and the category listings).
/// </summary>
internal sealed class BookstoreSitemaps(BookCatalog catalog)
{
    public const string IndexPath = "/sitemap.xml";
    public const string BooksPath = "/sitemap-books.xml.gz";
    public const string PagesPath = "/sitemap-pages.xml";

    /// <summary>The day each book was last modified: a deterministic day of 2024.</summary>
    public static DateOnly LastModified(int bookId) => new DateOnly(2024, 1, 1).AddDays(bookId * 37 % 366);

    /// <summary>The site's address, set once it listens (sitemaps hold absolute URLs).</summary>
    public Uri? BaseUrl { get; set; }

    public SitePage? Render(string path)
    {
        if (BaseUrl is not { } root)
        {
            return null;
        }

        return path switch
        {
            IndexPath => Xml("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" +
                             "<sitemap><loc>" + new Uri(root, BooksPath[1..]).AbsoluteUri + "</loc><lastmod>2024-12-31</lastmod></sitemap>\n" +
                             "<sitemap><loc>" + new Uri(root, PagesPath[1..]).AbsoluteUri + "</loc></sitemap>\n</sitemapindex>\n"),
            BooksPath => Gzip(Books(root)),
            PagesPath => Xml(Pages(root)),
            _ => null,
        };
    }

    private string Books(Uri root)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">\n");
        foreach (var book in catalog.Books)
        {
            sb.Append("<url>\n  <loc>").Append(new Uri(root, book.Path[1..]).AbsoluteUri).Append("</loc>\n  <lastmod>")
              .Append(LastModified(book.Id).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</lastmod>\n")
              .Append("  <image:image><image:loc>").Append(new Uri(root, book.CoverPath[1..]).AbsoluteUri).Append("</image:loc></image:image>\n</url>\n");
        }

        return sb.Append("</urlset>\n").ToString();
    }

    private string Pages(Uri root)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        sb.Append("<url><loc>").Append(root.AbsoluteUri).Append("</loc><changefreq>daily</changefreq></url>\n");
        foreach (var category in catalog.Categories)
        {
            sb.Append("<url><loc>").Append(new Uri(root, category.PagePath(1)[1..]).AbsoluteUri).Append("</loc></url>\n");
        }

        return sb.Append("</urlset>\n").ToString();
    }

    private static SitePage Xml(string xml) => SitePage.Text(xml, "application/xml; charset=utf-8");

    private static SitePage Gzip(string xml)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(xml));
        }

        return new SitePage(buffer.ToArray(), "application/gzip");
    }
}
