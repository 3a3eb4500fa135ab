using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DeclarativeScrape.Examples.Tests.DemoSites;

/// <summary>Fetches and parses demo-site pages the way a crawler would, for assertions.</summary>
internal sealed class SiteClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public HttpClient Http => _http;

    public async Task<IDocument> GetDocumentAsync(Uri url)
    {
        using var response = await _http.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return Parse(await response.Content.ReadAsStringAsync(), url);
    }

    public static IDocument Parse(string html, Uri url)
    {
        _ = url;
        return Parser.ParseDocument(html);
    }

    /// <summary>The absolute URL an element's attribute points to.</summary>
    public static Uri Resolve(IElement element, string attribute, Uri page) => new(page, element.GetAttribute(attribute)!);

    /// <summary>Text as scrapers extract it: whitespace runs collapsed to one space, both ends trimmed.</summary>
    public static string Text(IElement? element) =>
        element is null ? "" : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public void Dispose() => _http.Dispose();
}
