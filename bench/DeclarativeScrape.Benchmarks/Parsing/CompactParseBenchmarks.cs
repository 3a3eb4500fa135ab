using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using DeclarativeScrape.Benchmarks.Extraction;

namespace DeclarativeScrape.Benchmarks.Parsing;

/// <summary>
/// Text to tree: AngleSharp's full parse (the crawl's options) against the compact parser (<see cref="PageParser"/>),
/// on a 109 KB PostgreSQL manual page, a 100 KB Django page and the demo bookstore's enlarged book page. One
/// operation is one page.
/// </summary>
[MemoryDiagnoser]
public class CompactParseBenchmarks
{
    private readonly HtmlParser _angleSharp = new(ParserSetup.Options);
    private readonly PageParser _compact = new();
    private string _html = string.Empty;

    /// <summary>The page.</summary>
    [Params("postgresql/sql-select.html", "django/topics/http/sessions.html", "bookstore/large")]
    public string Page { get; set; } = string.Empty;

    /// <summary>Loads the page and checks the compact parser takes it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _html = BenchmarkPages.Load(Page);
        var fallback = _compact.Parse(_html.AsMemory(), null);
        if (fallback != TreeFallback.None)
        {
            throw new InvalidOperationException($"The compact parser falls back on {Page}: {fallback}.");
        }
    }

    /// <summary>AngleSharp's parse.</summary>
    /// <returns>The number of child elements of the body.</returns>
    [Benchmark(Baseline = true)]
    public int AngleSharp()
    {
        using var document = _angleSharp.ParseDocument(_html);
        return document.Body!.ChildElementCount;
    }

    /// <summary>The compact parser.</summary>
    /// <returns>The number of nodes.</returns>
    [Benchmark]
    public int Compact()
    {
        _compact.Parse(_html.AsMemory(), null);
        return _compact.Tree.Count;
    }
}
