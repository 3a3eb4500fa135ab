using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;

namespace DeclarativeScrape;

/// <summary>
/// Reads a sitemap or sitemap index (sitemaps.org 0.9) as a stream of entries: one <see cref="XmlReader"/> pass, no
/// document held, so a file of a million URLs takes the memory of one. Element names are matched without their
/// namespace; other elements (images, alternates, news) are passed over; DTDs are refused (no entity expansion).
/// </summary>
internal static class SitemapReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    public static async IAsyncEnumerable<SitemapEntry> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(stream, Settings);
        string? location = null;
        DateTimeOffset? lastModified = null;
        var inEntry = false;
        var isSitemap = false;
        var advance = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (advance && !await reader.ReadAsync().ConfigureAwait(false))
            {
                yield break;
            }

            advance = true;
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "url" or "sitemap" when reader.Depth == 1:
                        inEntry = true;
                        isSitemap = reader.LocalName == "sitemap";
                        location = null;
                        lastModified = null;
                        break;
                    case "loc" when inEntry && reader.Depth == 2:
                        location = (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();
                        advance = false;   // the reader is on the node after </loc> already
                        break;
                    case "lastmod" when inEntry && reader.Depth == 2:
                        lastModified = ParseDate(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false));
                        advance = false;
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && inEntry && reader.Depth == 1 && reader.LocalName is "url" or "sitemap")
            {
                inEntry = false;
                if (location is { Length: > 0 })
                {
                    yield return new SitemapEntry(location, lastModified, isSitemap);
                }
            }
        }
    }

    /// <summary>A W3C date (<c>2024-05-01</c>, <c>2024-05-01T10:00:00+02:00</c>); a date without a zone is taken as UTC.</summary>
    internal static DateTimeOffset? ParseDate(string text) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;
}
