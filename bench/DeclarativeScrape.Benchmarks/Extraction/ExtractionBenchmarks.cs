using AngleSharp.Dom;
using BenchmarkDotNet.Attributes;

namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>
/// The primary comparison: extracting the same <see cref="BookPage"/> from pre-parsed book pages with the generated
/// extractor, the hand-written one (the baseline: generated should be within 5%) and the reflection mapper (generated
/// should be at least 3 times faster). One operation is 1,000 extractions: of 1,000 distinct pages (<see cref="DomState.Cold"/>)
/// or cycling over 8 pages whose DOMs stay in cache (<see cref="DomState.Warm"/>).
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    /// <summary>Pages saved, and extractions per operation.</summary>
    public const int PageCount = 1000;

    /// <summary>The pages a <see cref="DomState.Warm"/> operation cycles over.</summary>
    public const int WarmPageCount = 8;

    private Uri[] _urls = [];
    private IDocument[] _documents = [];

    /// <summary>The demo pages as served, or enlarged ones.</summary>
    [Params(PageSize.Demo, PageSize.Large)]
    public PageSize Size { get; set; }

    /// <summary>1,000 distinct pages, or 8 pages whose DOMs stay in cache.</summary>
    [Params(DomState.Cold, DomState.Warm)]
    public DomState Dom { get; set; }

    /// <summary>
    /// Saves and parses the pages once, checks the three extractors agree with the ground truth on every page, and
    /// lays out the 1,000 extractions of an operation.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        var pages = SavedBookPages.Load(PageCount, Size);
        var documents = pages.Select(p => ExtractionDocument.ParseHtml(p.Html)).ToArray();
        BookExtractors.VerifyAgreement(pages, documents);
        var distinct = Dom == DomState.Cold ? PageCount : WarmPageCount;
        foreach (var document in documents.Skip(distinct))
        {
            document.Dispose();
        }

        _documents = [.. Enumerable.Range(0, PageCount).Select(i => documents[i % distinct])];
        _urls = [.. Enumerable.Range(0, PageCount).Select(i => pages[i % distinct].Url)];
    }

    /// <summary>Disposes the documents.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var document in _documents.Distinct())
        {
            document.Dispose();
        }
    }

    /// <summary>The hand-written AngleSharp extractor.</summary>
    /// <returns>The number of reviews extracted (so nothing is optimised away).</returns>
    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var reviews = 0;
        for (var i = 0; i < _documents.Length; i++)
        {
            reviews += BookExtractors.HandWritten(_documents[i], _urls[i]).Reviews.Count;
        }

        return reviews;
    }

    /// <summary>The generated extractor.</summary>
    /// <returns>The number of reviews extracted.</returns>
    [Benchmark]
    public int Generated()
    {
        var reviews = 0;
        for (var i = 0; i < _documents.Length; i++)
        {
            reviews += BookExtractors.Generated(_documents[i], _urls[i]).Reviews.Count;
        }

        return reviews;
    }

    /// <summary>The reflection-based mapper.</summary>
    /// <returns>The number of reviews extracted.</returns>
    [Benchmark]
    public int Reflection()
    {
        var reviews = 0;
        for (var i = 0; i < _documents.Length; i++)
        {
            reviews += BookExtractors.Reflection(_documents[i], _urls[i]).Reviews.Count;
        }

        return reviews;
    }
}
