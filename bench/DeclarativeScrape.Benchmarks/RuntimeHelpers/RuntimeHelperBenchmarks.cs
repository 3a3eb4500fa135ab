using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DeclarativeScrape.Benchmarks.Extraction;
using DeclarativeScrape.Generated;

namespace DeclarativeScrape.Benchmarks.RuntimeHelpers;

/// <summary>
/// The runtime helpers generated extractors call, each against the plain code a user would otherwise write (the
/// baseline of its category), on one demo book page with reviews: finding the first match, finding all matches,
/// finding the matches of a whole page type's selectors, whitespace-normalised text, a price, and parsing the page.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class RuntimeHelperBenchmarks
{
    private const string FirstSelectorText = "div.product_main p.price_color";
    private const string AllSelectorText = "#reviews article";
    private const string PriceText = "£51.77";

    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private static readonly ISelector FirstSelector = ExtractionSelectors.Parse(FirstSelectorText);
    private static readonly ISelector AllSelector = ExtractionSelectors.Parse(AllSelectorText);

    // The selectors of the extraction benchmark's BookPage: seven first matches and one list.
    private static readonly string[] PageSelectorTexts =
    [
        "div.product_main h1", "div.product_main p.price_color", "div.product_main p.availability", "div.product_main p.star-rating",
        "table.table-striped tr:first-child td", "ul.breadcrumb li:nth-child(3) a", "div.item img", "#reviews article",
    ];

    private static readonly ISelector[] PageSelectors = [.. PageSelectorTexts.Select(ExtractionSelectors.Parse)];
    private static readonly SelectorSet PageSet = new([.. PageSelectors.Select((s, i) => i == PageSelectors.Length - 1 ? SelectorQuery.All(s) : SelectorQuery.First(s))]);

    private readonly HtmlParser _defaultParser = new();
    private string _html = "";
    private IDocument _document = default!;
    private IElement _reviewText = default!;

    /// <summary>Saves a book page with at least two reviews and parses it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var page = SavedBookPages.Load(50, PageSize.Demo).First(p => p.Truth.Reviews.Count >= 2);
        _html = page.Html;
        _document = ExtractionDocument.ParseHtml(_html);
        _reviewText = _document.QuerySelector("#reviews article div.review-text") ?? throw new InvalidOperationException("The page has no review text.");
        if (PageSelectorsString() != SelectorSetMatch() || PageSelectorsCached() != SelectorSetMatch() || SelectorSetMatch() < PageSelectors.Length + 1)
        {
            throw new InvalidOperationException("The page selector variants disagree.");
        }

        if (ExtractionText.NormalizedText(_reviewText) != WhitespaceCollapse.Collapse(_reviewText.TextContent) ||
            ExtractionText.NormalizedText(_reviewText) != Whitespace.Replace(_reviewText.TextContent, " ").Trim())
        {
            throw new InvalidOperationException("The text variants disagree.");
        }
    }

    /// <summary>Disposes the document.</summary>
    [GlobalCleanup]
    public void Cleanup() => _document.Dispose();

    /// <summary>AngleSharp's string overload: parses the selector on every call.</summary>
    /// <returns>The element.</returns>
    [Benchmark(Baseline = true), BenchmarkCategory("First")]
    public IElement? QuerySelectorString() => _document.QuerySelector(FirstSelectorText);

    /// <summary>AngleSharp's own walk with a selector parsed once.</summary>
    /// <returns>The element.</returns>
    [Benchmark, BenchmarkCategory("First")]
    public IElement? QuerySelectorCached() => _document.ChildNodes.QuerySelector(FirstSelector);

    /// <summary>The helper generated code calls.</summary>
    /// <returns>The element.</returns>
    [Benchmark, BenchmarkCategory("First")]
    public IElement? ExtractionQueryFirst() => ExtractionQuery.First(_document, FirstSelector);

    /// <summary>AngleSharp's string overload.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark(Baseline = true), BenchmarkCategory("All")]
    public int QuerySelectorAllString() => _document.QuerySelectorAll(AllSelectorText).Length;

    /// <summary>AngleSharp's own walk with a selector parsed once.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark, BenchmarkCategory("All")]
    public int QuerySelectorAllCached()
    {
        var matches = new List<IElement>();
        _document.ChildNodes.QuerySelectorAll(AllSelector, matches);
        return matches.Count;
    }

    /// <summary>The helper generated code calls.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark, BenchmarkCategory("All")]
    public int ExtractionQueryAll() => ExtractionQuery.All(_document, AllSelector).Count;

    /// <summary>A page type's eight selectors with AngleSharp's string overloads, one walk each (what a reflection mapper does).</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark(Baseline = true), BenchmarkCategory("Fields")]
    public int PageSelectorsString()
    {
        var found = 0;
        for (var i = 0; i < PageSelectorTexts.Length - 1; i++)
        {
            found += _document.QuerySelector(PageSelectorTexts[i]) is null ? 0 : 1;
        }

        return found + _document.QuerySelectorAll(PageSelectorTexts[^1]).Length;
    }

    /// <summary>The same with selectors parsed once, one walk each (what the hand-written extractor does).</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark, BenchmarkCategory("Fields")]
    public int PageSelectorsCached()
    {
        var found = 0;
        var nodes = _document.ChildNodes;
        for (var i = 0; i < PageSelectors.Length - 1; i++)
        {
            found += nodes.QuerySelector(PageSelectors[i]) is null ? 0 : 1;
        }

        var all = new List<IElement>();
        nodes.QuerySelectorAll(PageSelectors[^1], all);
        return found + all.Count;
    }

    /// <summary>The helper generated code calls: the whole set in one walk.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark, BenchmarkCategory("Fields")]
    public int SelectorSetMatch()
    {
        var matches = ExtractionQuery.Match(_document, PageSet);
        var found = 0;
        for (var i = 0; i < PageSelectors.Length - 1; i++)
        {
            found += matches.First(i) is null ? 0 : 1;
        }

        return found + matches.All(PageSelectors.Length - 1).Length;
    }

    /// <summary><c>TextContent</c> with the whitespace collapsed by a regex, then trimmed: the common idiom.</summary>
    /// <returns>The text.</returns>
    [Benchmark(Baseline = true), BenchmarkCategory("Text")]
    public string TextContentRegex() => Whitespace.Replace(_reviewText.TextContent, " ").Trim();

    /// <summary><c>TextContent</c> collapsed by a hand-written span loop.</summary>
    /// <returns>The text.</returns>
    [Benchmark, BenchmarkCategory("Text")]
    public string TextContentCollapse() => WhitespaceCollapse.Collapse(_reviewText.TextContent);

    /// <summary>The helper generated code calls: collapses while walking the text nodes, no intermediate string.</summary>
    /// <returns>The text.</returns>
    [Benchmark, BenchmarkCategory("Text")]
    public string NormalizedText() => ExtractionText.NormalizedText(_reviewText);

    /// <summary>Strip the currency symbol, then <see cref="decimal.Parse(string, NumberStyles, IFormatProvider)"/>.</summary>
    /// <returns>The price.</returns>
    [Benchmark(Baseline = true), BenchmarkCategory("Decimal")]
    public decimal DecimalParse() => decimal.Parse(PriceText.Replace("£", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>The helper generated code calls: strips any currency symbol, whitespace and thousands separators, never throws.</summary>
    /// <returns>The price.</returns>
    [Benchmark, BenchmarkCategory("Decimal")]
    public decimal TryParseDecimal() => ExtractionValues.TryParseDecimal(PriceText, out var value) ? value : -1;

    /// <summary>A default <see cref="HtmlParser"/> (created once).</summary>
    /// <returns>The number of elements in the body.</returns>
    [Benchmark(Baseline = true), BenchmarkCategory("Parse")]
    public int DefaultHtmlParser()
    {
        using var document = _defaultParser.ParseDocument(_html);
        return document.Body!.ChildElementCount;
    }

    /// <summary>The parser the runtime uses, with the extraction <see cref="HtmlParserOptions"/>.</summary>
    /// <returns>The number of elements in the body.</returns>
    [Benchmark, BenchmarkCategory("Parse")]
    public int ExtractionParseHtml()
    {
        using var document = ExtractionDocument.ParseHtml(_html);
        return document.Body!.ChildElementCount;
    }
}
