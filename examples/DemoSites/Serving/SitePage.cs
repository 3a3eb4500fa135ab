using System.IO.Compression;
using System.Text;

namespace DeclarativeScrape.DemoSites;

/// <summary>One rendered response of a demo site: status, content type and body, with its gzip form made on first use.</summary>
internal sealed class SitePage
{
    /// <summary>The content type of HTML pages.</summary>
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>The content type of plain text (robots.txt).</summary>
    public const string TextContentType = "text/plain; charset=utf-8";

    /// <summary>The content type of JSON Lines (ground truth).</summary>
    public const string JsonLinesContentType = "application/x-ndjson; charset=utf-8";

    private byte[]? _gzipped;

    public SitePage(byte[] body, string contentType, int statusCode = 200)
    {
        Body = body;
        ContentType = contentType;
        StatusCode = statusCode;
    }

    public byte[] Body { get; }

    public string ContentType { get; }

    public int StatusCode { get; }

    /// <summary>The body compressed with gzip, computed once.</summary>
    public byte[] Gzipped => _gzipped ??= Compress(Body);

    public static SitePage Html(string html, int statusCode = 200) => new(Encoding.UTF8.GetBytes(html), HtmlContentType, statusCode);

    public static SitePage Text(string text, string contentType = TextContentType) => new(Encoding.UTF8.GetBytes(text), contentType);

    private static byte[] Compress(byte[] body)
    {
        using var buffer = new MemoryStream(body.Length / 3 + 64);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return buffer.ToArray();
    }
}
