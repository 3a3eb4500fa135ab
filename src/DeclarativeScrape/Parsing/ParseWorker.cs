using System.Buffers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DeclarativeScrape;

/// <summary>
/// One parse worker's tools: its own browsing context and <see cref="HtmlParser"/>s (from the shared
/// <see cref="ParserSetup"/>: one for every page type that reads only some attributes, with its <see cref="AttributeFilter"/>,
/// and one that keeps every attribute) and its own reused <see cref="ExtractionContext"/>. Decodes a pooled body with the
/// right encoding into a pooled character buffer, parses it, runs the page type's extractor, disposes the
/// document and returns both buffers. Not thread-safe: one per worker.
/// </summary>
internal sealed class ParseWorker
{
    private static readonly Uri Blank = new("about:blank");

    private readonly IBrowsingContext _browsingContext = BrowsingContext.New(ParserSetup.Configuration);
    private readonly HtmlParser _parser;
    private readonly Dictionary<object, HtmlParser> _filteredParsers = new(ReferenceEqualityComparer.Instance);
    private readonly ExtractionContext _context = new(Blank);

    public ParseWorker() => _parser = new HtmlParser(ParserSetup.Options, _browsingContext);

    /// <summary>The links found on the last page extracted.</summary>
    public IReadOnlyList<DiscoveredLink> Links => _context.Links;

    /// <summary>Extracts one page. Never throws for bad content or a throwing extractor.</summary>
    public PageExtraction<TItem> Extract<TItem>(ReadOnlySpan<byte> body, string? charset, Uri pageUrl, PageType<TItem> pageType)
    {
        var encoding = HtmlEncodingSniffer.Detect(body, charset, out var bom);
        body = body[bom..];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(body.Length)));
        IHtmlDocument? document = null;
        _context.Reset(pageUrl);
        try
        {
            var length = encoding.GetChars(body, chars);
            document = ParserFor(pageType).ParseDocument(chars, length);
            _context.Reset(pageUrl, DocumentBaseUrl.Find(document, pageUrl));

            var hasItem = pageType.Extract(document, _context, out var item);
            return new PageExtraction<TItem>
            {
                HasItem = hasItem && pageType.IsItem && !_context.HasFailures,
                Item = item,
                Failures = _context.HasFailures ? [.. _context.Failures] : [],
            };
        }
        catch (Exception exception)
        {
            return new PageExtraction<TItem>
            {
                HasItem = false,
                Failures = _context.HasFailures ? [.. _context.Failures] : [],
                Error = $"the extractor of {pageType.Name} threw {exception.GetType().Name}: {exception.Message}",
            };
        }
        finally
        {
            document?.Dispose();
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private HtmlParser ParserFor<TItem>(PageType<TItem> pageType)
    {
        if (pageType.ReadAttributes is not { } attributes)
        {
            return _parser;
        }

        if (!_filteredParsers.TryGetValue(pageType, out var parser))
        {
            var options = ParserSetup.Options;
            options.ShouldEmitAttribute = new AttributeFilter(attributes).ShouldEmit;
            parser = new HtmlParser(options, _browsingContext);
            _filteredParsers.Add(pageType, parser);
        }

        return parser;
    }
}
