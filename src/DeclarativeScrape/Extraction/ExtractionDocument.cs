using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DeclarativeScrape;

/// <summary>
/// Builds AngleSharp documents for extraction and the <see cref="ExtractionContext"/> that goes with them; the
/// generated <c>Parse(string html, Uri url)</c> of every page type is <c>Parse&lt;T&gt;</c>. The compile-time sample
/// checks compile this file too (the extraction that needs <c>IExtractable</c> is in
/// <c>ExtractionDocument.Parse.cs</c>), so a sample is parsed as a crawl parses a page.
/// </summary>
public static partial class ExtractionDocument
{
    /// <summary>
    /// The parser options used for extraction, the crawl's own (see <c>ParserSetup</c>): no scripting (so
    /// <c>&lt;noscript&gt;</c> content is parsed as markup, as a crawler sees it), no source references or element
    /// positions kept (memory per node), comments and processing instructions skipped (never extracted). Script and
    /// style text is kept: JSON-LD in <c>&lt;script&gt;</c> is a common extraction target.
    /// </summary>
    public static HtmlParserOptions ParserOptions => ParserSetup.Options;

    [ThreadStatic]
    private static HtmlParser? t_parser;

    /// <summary>
    /// Parses <paramref name="html"/> into a document with <see cref="ParserOptions"/>. The caller owns and disposes
    /// the document; values extracted from it (strings, URIs) stay valid after that.
    /// </summary>
    /// <param name="html">The page's HTML.</param>
    /// <returns>The document.</returns>
    public static IDocument ParseHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = t_parser ??= new HtmlParser(ParserSetup.Options, BrowsingContext.New(ParserSetup.Configuration));
        return parser.ParseDocument(html);
    }

    /// <summary>
    /// Parses a saved page's bytes, decoded exactly as the crawl decodes a page (<see cref="PageDecoder"/>: a byte
    /// order mark, <paramref name="contentType"/>'s charset, the page's <c>&lt;meta&gt;</c>, else windows-1252).
    /// </summary>
    /// <param name="html">The page's bytes, as saved from the server.</param>
    /// <param name="contentType">The <c>Content-Type</c> header it was served with, or <see langword="null"/> when unknown.</param>
    /// <returns>The document; the caller disposes it.</returns>
    public static IDocument ParseHtml(ReadOnlySpan<byte> html, string? contentType = null) =>
        ParseHtml(PageDecoder.Decode(html, contentType).Text);

    /// <summary>
    /// The URL relative links of <paramref name="document"/> resolve against, as the crawl finds it: the <c>href</c> of
    /// the first <c>&lt;base&gt;</c> element that has one (in tree order), resolved against <paramref name="pageUrl"/>;
    /// <paramref name="pageUrl"/> when there is none, or when it does not resolve to an http(s) URL.
    /// </summary>
    /// <param name="document">The parsed page.</param>
    /// <param name="pageUrl">The URL the page was fetched from.</param>
    /// <returns>The base URL.</returns>
    public static Uri FindBaseUrl(IDocument document, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(pageUrl);
        return DocumentBaseUrl.Find(document, pageUrl);
    }

    /// <summary>A fresh context for <paramref name="document"/> fetched from <paramref name="pageUrl"/>, with its base URL found.</summary>
    /// <param name="document">The parsed page.</param>
    /// <param name="pageUrl">The URL the page was fetched from, after redirects.</param>
    /// <returns>The context.</returns>
    public static ExtractionContext CreateContext(IDocument document, Uri pageUrl) =>
        new(pageUrl, FindBaseUrl(document, pageUrl));
}
