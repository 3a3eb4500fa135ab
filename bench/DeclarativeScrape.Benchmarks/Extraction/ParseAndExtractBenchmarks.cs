using AngleSharp.Dom;
using BenchmarkDotNet.Attributes;

namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>
/// Parsing and extracting together, as a crawler does per page: <see cref="ExtractionDocument.ParseHtml"/> then one
/// of the three extractors, then dispose. <see cref="ParseOnly"/> is the baseline, so each ratio shows what share of
/// the page's CPU time extraction adds to parsing. One operation is 1,000 pages.
/// </summary>
[MemoryDiagnoser]
public class ParseAndExtractBenchmarks
{
    private SavedPage[] _pages = [];

    /// <summary>The demo pages as served, or enlarged ones.</summary>
    [Params(PageSize.Demo, PageSize.Large)]
    public PageSize Size { get; set; }

    /// <summary>Saves the pages once and checks the three extractors agree with the ground truth.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pages = [.. SavedBookPages.Load(ExtractionBenchmarks.PageCount, Size)];
        var documents = _pages.Select(p => ExtractionDocument.ParseHtml(p.Html)).ToArray();
        BookExtractors.VerifyAgreement(_pages, documents);
        foreach (var document in documents)
        {
            document.Dispose();
        }
    }

    /// <summary>Parsing alone.</summary>
    /// <returns>The number of elements parsed.</returns>
    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        var elements = 0;
        foreach (var page in _pages)
        {
            using var document = ExtractionDocument.ParseHtml(page.Html);
            elements += document.Body!.ChildElementCount;
        }

        return elements;
    }

    /// <summary>Parsing, then the hand-written extractor.</summary>
    /// <returns>The number of reviews extracted.</returns>
    [Benchmark]
    public int HandWritten() => Run(BookExtractors.HandWritten);

    /// <summary>Parsing, then the generated extractor.</summary>
    /// <returns>The number of reviews extracted.</returns>
    [Benchmark]
    public int Generated() => Run(BookExtractors.Generated);

    /// <summary>Parsing, then the reflection-based mapper.</summary>
    /// <returns>The number of reviews extracted.</returns>
    [Benchmark]
    public int Reflection() => Run(BookExtractors.Reflection);

    private int Run(Func<IDocument, Uri, BookPage> extract)
    {
        var reviews = 0;
        foreach (var page in _pages)
        {
            using var document = ExtractionDocument.ParseHtml(page.Html);
            reviews += extract(document, page.Url).Reviews.Count;
        }

        return reviews;
    }
}
