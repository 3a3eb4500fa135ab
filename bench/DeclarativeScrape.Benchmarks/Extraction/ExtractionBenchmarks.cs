using AngleSharp.Dom;
using BenchmarkDotNet.Attributes;

namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>
/// The primary comparison: extracting the same <see cref="BookPage"/> from 1,000 pre-parsed book pages with the
/// generated extractor, the hand-written one (the baseline: generated should be within 5%) and the reflection mapper
/// (generated should be at least 3 times faster). One operation is all 1,000 pages.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    /// <summary>Pages per operation.</summary>
    public const int PageCount = 1000;

    private Uri[] _urls = [];
    private IDocument[] _documents = [];

    /// <summary>The demo pages as served, or enlarged ones.</summary>
    [Params(PageSize.Demo, PageSize.Large)]
    public PageSize Size { get; set; }

    /// <summary>Saves and parses the pages once, and checks the three extractors agree with the ground truth.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var pages = SavedBookPages.Load(PageCount, Size);
        _urls = [.. pages.Select(p => p.Url)];
        _documents = [.. pages.Select(p => ExtractionDocument.ParseHtml(p.Html))];
        BookExtractors.VerifyAgreement(pages, _documents);
    }

    /// <summary>Disposes the documents.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var document in _documents)
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
