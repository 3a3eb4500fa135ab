using System.Text;
using BenchmarkDotNet.Attributes;

namespace DeclarativeScrape.Benchmarks.Parsing;

/// <summary>
/// What a parse worker spends on one page, bytes to item and links (decode, parse, extract), on the two paths of the
/// crawl: AngleSharp's full parse (the page type without its selectors, as before) and the compact path (the compact
/// parser, then a document of only what the selectors need). The docs pages use the docs benchmark scraper's selectors
/// (bench/DeclarativeScrape.CrawlBenchmark), the book page the bookstore example's. One operation is one page.
/// </summary>
[MemoryDiagnoser]
public class ParseAndExtractPathBenchmarks
{
    private static readonly Uri PageUrl = new("http://127.0.0.1:5080/dir/page.html");

    private readonly ParseWorker _worker = new();
    private byte[] _body = [];
    private Func<string> _angleSharp = () => string.Empty;
    private Func<string> _compact = () => string.Empty;
    private bool _describe = true;

    /// <summary>The page.</summary>
    [Params("postgresql/sql-select.html", "django/topics/http/sessions.html", "bookstore/large", "shop/product")]
    public string Page { get; set; } = string.Empty;

    /// <summary>How the compact path built the page in the setup (<see cref="TreeFallback.None"/>: compact; else why in full; <see langword="null"/>: its page type has no compact plan).</summary>
    internal TreeFallback? CompactBuilt { get; private set; }

    /// <summary>Loads the page, picks the page type and checks both paths extract the same.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _body = Encoding.UTF8.GetBytes(BenchmarkPages.Load(Page));
        (_angleSharp, _compact) = Page[..Page.IndexOf('/', StringComparison.Ordinal)] switch
        {
            "bookstore" => Paths(PageTypeOf<PathBookPage>(["div.product_main h1", "div.product_main p.price_color", "div.product_main p.availability",
                "table.table-striped td", "div.item img", "div.product_main p.star-rating", "ul.breadcrumb li:nth-child(3) a", "#reviews article .author"])),
            "shop" => Paths(PageTypeOf<PathShopPage>(["div.product_main h1", "p.price_color", "p.availability", "p.star-rating",
                "tr:has(> th:contains('UPC')) > td", "ul.breadcrumb li:nth-child(3) a"])),
            _ => Paths(PageTypeOf<PathDocsPage>(["title", "h1", "h1, h2, h3, h4, h5, h6", "a[href*='.html'], a[href$='/']"])),
        };
        var full = _angleSharp();
        var compact = _compact();
        CompactBuilt = _worker.LastCompact;
        if (full != compact || full.Length < 60)
        {
            throw new InvalidOperationException($"{Page}: the compact path gave {compact} (built {_worker.LastCompact}), the full parse {full}.");
        }

        _describe = false;
    }

    /// <summary>AngleSharp's full parse, then the extractor.</summary>
    /// <returns>What was extracted, as JSON (written in the setup only).</returns>
    [Benchmark(Baseline = true)]
    public string AngleSharp() => _angleSharp();

    /// <summary>The compact parser and the pruned document, then the extractor.</summary>
    /// <returns>What was extracted, as JSON (written in the setup only).</returns>
    [Benchmark]
    public string Compact() => _compact();

    // The page type a scraper's plan would hold (the selectors as the generator lists them; the worker refuses a
    // selector set that is not among them, and the setup's check would then fail).
    private static PageType<T> PageTypeOf<T>(string[] selectors) where T : class, IExtractable<T> =>
        new(typeof(T), typeof(T).Name, Extract, isItem: true) { Selectors = selectors };

    private static bool Extract<T>(AngleSharp.Dom.IDocument document, ExtractionContext context, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T item)
        where T : class, IExtractable<T>
    {
        item = T.Extract(document, context);
        return item is not null;
    }

    private (Func<string> Full, Func<string> Compact) Paths<TItem>(PageType<TItem> pageType)
    {
        var full = new PageType<TItem>(pageType.Type, pageType.Name, pageType.Extract, pageType.IsItem) { ReadAttributes = pageType.ReadAttributes };
        return (() => Run(full), () => Run(pageType));
    }

    private string Run<TItem>(PageType<TItem> pageType)
    {
        var extraction = _worker.Extract(_body, "text/html; charset=utf-8", PageUrl, pageType);
        if (extraction.Error is { } error)
        {
            throw new InvalidOperationException(error);
        }

        return _describe
            ? System.Text.Json.JsonSerializer.Serialize(extraction.Item) + string.Join(" ", _worker.Links.Select(l => l.Href))
            : extraction.Item is null ? string.Empty : pageType.Name;
    }
}
