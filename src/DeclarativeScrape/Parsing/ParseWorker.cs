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
    private readonly Dictionary<object, CompactPlan?> _compactPlans = new(ReferenceEqualityComparer.Instance);
    private readonly PageParser _compactParser = new();
    private readonly PrunedDocumentBuilder _pruner = new();
    private readonly ExtractionContext _context = new(Blank);
    private readonly EncodingId? _encoding;
    private readonly Action<PageStage, Uri>? _probe;

    /// <summary>Creates a worker.</summary>
    /// <param name="encoding">The scraper's encoding override (<see cref="ScrapeOptions.PageEncoding"/>), or <see langword="null"/>.</param>
    /// <param name="probe">A test's hook, called as each stage starts (it may throw, as a buggy stage would).</param>
    public ParseWorker(EncodingId? encoding = null, Action<PageStage, Uri>? probe = null)
    {
        _parser = new HtmlParser(ParserSetup.Options, _browsingContext);
        _encoding = encoding;
        _probe = probe;
    }

    /// <summary>The links found on the last page extracted.</summary>
    public IReadOnlyList<DiscoveredLink> Links => _context.Links;

    /// <summary>
    /// Bodies of at most this many bytes spread over several chunks are joined for the decoder in a buffer rented from
    /// <see cref="ArrayPool{T}.Shared"/>; a larger one gets an array of its own, which the collector takes back, so that
    /// one huge page does not leave a huge buffer in the pool for the rest of the process.
    /// </summary>
    public const int PooledJoinBytes = 1 << 20;

    /// <summary>
    /// Decodes, parses and extracts one page held in chunks (a <see cref="ResponseBody"/>). <see cref="PageDecoder"/>
    /// reads one contiguous span: a body of one chunk is read where it is, a longer one is joined first.
    /// </summary>
    public PageExtraction<TItem> Extract<TItem>(ReadOnlySequence<byte> body, string? contentType, Uri pageUrl, PageType<TItem> pageType, CarriedValues? carried = null)
    {
        if (body.IsSingleSegment)
        {
            return Extract(body.FirstSpan, contentType, pageUrl, pageType, carried);
        }

        var length = checked((int)body.Length);
        var pooled = length <= PooledJoinBytes;
        var joined = pooled ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length);
        try
        {
            body.CopyTo(joined);
            return Extract(joined.AsSpan(0, length), contentType, pageUrl, pageType, carried);
        }
        finally
        {
            if (pooled)
            {
                ArrayPool<byte>.Shared.Return(joined);
            }
        }
    }

    /// <summary>
    /// Decodes, parses and extracts one page. Never throws: an exception in any stage (a decoder or parser bug, a
    /// throwing extractor or converter) is the page's <see cref="PageExtraction{TItem}.Error"/>, naming the stage.
    /// </summary>
    /// <param name="body">The page's bytes.</param>
    /// <param name="contentType">The <c>Content-Type</c> header, if any.</param>
    /// <param name="pageUrl">The page's URL after redirects.</param>
    /// <param name="pageType">Its page type.</param>
    /// <param name="carried">The values the link to it carried, if any.</param>
    public PageExtraction<TItem> Extract<TItem>(ReadOnlySpan<byte> body, string? contentType, Uri pageUrl, PageType<TItem> pageType, CarriedValues? carried = null)
    {
        var stage = PageStage.Decode;
        char[]? chars = null;
        IHtmlDocument? document = null;
        _context.Reset(pageUrl);
        _context.Carried = carried;
        try
        {
            _probe?.Invoke(stage, pageUrl);
            PageDecoder.Decode(body, contentType, _encoding, out chars, out var length);
            stage = PageStage.Parse;
            _probe?.Invoke(stage, pageUrl);
            var parser = ParserFor(pageType);
            var compact = CompactPlanFor(pageType);
            document = compact is null ? null : ParseCompact(chars, length, compact, parser);
            document ??= parser.ParseDocument(chars, length);
            _context.Reset(pageUrl, DocumentBaseUrl.Find(document, pageUrl));

            stage = PageStage.Extract;
            _probe?.Invoke(stage, pageUrl);
            bool hasItem;
            TItem? item;
            if (compact is null || LastCompact != TreeFallback.None)
            {
                hasItem = pageType.Extract(document, _context, out item);
            }
            else if (!TryExtractPruned(pageType, compact, document, pageUrl, out hasItem, out item))
            {
                // The extractor matched a selector its plan does not list: this page and the page type's next ones
                // are parsed in full.
                _compactPlans[pageType] = null;
                LastCompact = null;
                document.Dispose();
                document = parser.ParseDocument(chars, length);
                _context.Reset(pageUrl, DocumentBaseUrl.Find(document, pageUrl));

                hasItem = pageType.Extract(document, _context, out item);
            }

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
                Error = FailureMessage(stage, pageType.Name, exception),
            };
        }
        finally
        {
            document?.Dispose();
            if (chars is not null)
            {
                PageDecoder.ReturnChars(chars);
            }
        }
    }

    /// <summary>
    /// How the last page was built: <see cref="TreeFallback.None"/> when the compact parser built it (only what its
    /// selectors need), else why AngleSharp parsed it in full (<see langword="null"/>: its page type has no compact plan).
    /// </summary>
    public TreeFallback? LastCompact { get; private set; }

    /// <summary>The failure message of a page whose <paramref name="stage"/> threw <paramref name="exception"/>.</summary>
    public static string FailureMessage(PageStage stage, string pageType, Exception exception) => stage switch
    {
        PageStage.Decode => $"decoding the page threw {exception.GetType().Name}: {exception.Message}",
        PageStage.Parse => $"parsing the page threw {exception.GetType().Name}: {exception.Message}",
        PageStage.Extract => $"the extractor of {pageType} threw {exception.GetType().Name}: {exception.Message}",
        _ => $"resolving the links of the page threw {exception.GetType().Name}: {exception.Message}",
    };

    /// <summary>Calls the test hook for a stage that runs outside the worker (link resolution).</summary>
    public void Enter(PageStage stage, Uri pageUrl) => _probe?.Invoke(stage, pageUrl);

    // The compact path of a page type, decided once: null when its selectors are unknown or not all of supported forms.
    private CompactPlan? CompactPlanFor<TItem>(PageType<TItem> pageType)
    {
        LastCompact = null;
        if (!_compactPlans.TryGetValue(pageType, out var plan))
        {
            plan = pageType.Selectors is { } selectors && PruneSelectors.TryCreate(selectors) is { } model
                ? new CompactPlan(model, selectors, pageType.ReadAttributes is { } attributes ? new AttributeFilter(attributes) : null)
                : null;
            _compactPlans.Add(pageType, plan);
        }

        return plan;
    }

    // The pruned document of the page, or null (LastCompact saying why) for AngleSharp's full parse.
    private IHtmlDocument? ParseCompact(char[] chars, int length, CompactPlan plan, HtmlParser parser)
    {
        LastCompact = _compactParser.Parse(chars.AsMemory(0, length), plan.Filter);
        if (LastCompact != TreeFallback.None)
        {
            return null;
        }

        var document = _pruner.Build(_compactParser.Tree, plan.Selectors, parser);
        if (document is null)
        {
            LastCompact = TreeFallback.DomInterface;
        }

        return document;
    }

    // Runs the extractor on a pruned document with ExtractionQuery checking every selector set against the plan;
    // false (the context reset) when a set has a selector the plan does not list.
    private bool TryExtractPruned<TItem>(PageType<TItem> pageType, CompactPlan plan, IHtmlDocument document, Uri pageUrl, out bool hasItem, out TItem? item)
    {
        ExtractionQuery.SetGuard = plan.Guard;
        try
        {
            hasItem = pageType.Extract(document, _context, out item);
            return true;
        }
        catch (SelectorNotInPlanException)
        {
            _context.Reset(pageUrl);
            hasItem = false;
            item = default;
            return false;
        }
        finally
        {
            ExtractionQuery.SetGuard = null;
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
