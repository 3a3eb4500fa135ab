using System.Text.RegularExpressions;
using AngleSharp.Dom;
using BenchmarkDotNet.Attributes;
using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>
/// Counting the headings of a documentation page, parsed and extracted as a crawler does per page: with
/// <c>[Count]</c> (<see cref="CountedDocPage"/>) and with the workaround issue 11 started from
/// (<see cref="RegexCountedDocPage"/>: the article's outer HTML, counted by a regular expression in a <c>[Convert]</c>).
/// <see cref="ParseOnly"/> is the baseline, so each ratio's excess over 1 is what extraction adds to parsing. One
/// operation is every page of the demo documentation site (its 200 articles and their indexes).
/// </summary>
[MemoryDiagnoser]
public class CountBenchmarks
{
    private (Uri Url, string Html, int Headings)[] _pages = [];

    /// <summary>Saves the pages once and checks that both page types count every heading of the ground truth.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pages = LoadAsync().GetAwaiter().GetResult();
        foreach (var (url, html, headings) in _pages)
        {
            using var document = ExtractionDocument.ParseHtml(html);
            var counted = Extract<CountedDocPage>(document, url).HeadingCount;
            var matched = Extract<RegexCountedDocPage>(document, url).HeadingCount;
            if (counted != headings || matched != headings)
            {
                throw new InvalidOperationException($"{url}: [Count] says {counted}, the regex {matched}, the ground truth {headings} headings.");
            }
        }
    }

    /// <summary>Parsing alone.</summary>
    /// <returns>The number of elements of the bodies.</returns>
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

    /// <summary>Parsing, then the heading and <c>[Count]</c>.</summary>
    /// <returns>The headings counted.</returns>
    [Benchmark]
    public int Count() => Run<CountedDocPage>(static page => page.HeadingCount);

    /// <summary>Parsing, then the heading and the article's outer HTML counted by a regular expression.</summary>
    /// <returns>The headings counted.</returns>
    [Benchmark]
    public int OuterHtmlAndRegex() => Run<RegexCountedDocPage>(static page => page.HeadingCount);

    private int Run<T>(Func<T, int> headingCount) where T : IExtractable<T>
    {
        var headings = 0;
        foreach (var page in _pages)
        {
            using var document = ExtractionDocument.ParseHtml(page.Html);
            headings += headingCount(Extract<T>(document, page.Url));
        }

        return headings;
    }

    private static T Extract<T>(IDocument document, Uri url) where T : IExtractable<T>
    {
        var context = new ExtractionContext(url);
        return T.Extract(document, context) ?? throw new ExtractionException(context.Failures);
    }

    private static async Task<(Uri, string, int)[]> LoadAsync()
    {
        await using var site = await DocsSite.StartAsync(new DocsSiteOptions()).ConfigureAwait(false);
        using var http = new HttpClient();
        var pages = new List<(Uri, string, int)>(site.Pages.Count);
        foreach (var page in site.Pages)
        {
            pages.Add((page.Url, await http.GetStringAsync(page.Url).ConfigureAwait(false), page.Headings.Count));
        }

        return [.. pages];
    }
}

/// <summary>A documentation page's heading and how many <c>h2</c>/<c>h3</c> its article has, by <c>[Count]</c>.</summary>
[Page, Item]
public partial record CountedDocPage
{
    /// <summary>The page's heading.</summary>
    [Text("main article h1")] public required string H1 { get; init; }

    /// <summary>The article's <c>h2</c> and <c>h3</c> headings, counted in the parsed document.</summary>
    [Count("main article :is(h2, h3)")] public int HeadingCount { get; init; }
}

/// <summary>The same, by the workaround: the article's outer HTML and a regular expression.</summary>
[Page, Item]
public partial record RegexCountedDocPage
{
    /// <summary>The page's heading.</summary>
    [Text("main article h1")] public required string H1 { get; init; }

    /// <summary>The article's <c>h2</c> and <c>h3</c> start tags, counted in its HTML text.</summary>
    [OuterHtml("main article"), Convert(typeof(HeadingTags), nameof(HeadingTags.Count))] public int HeadingCount { get; init; }
}

/// <summary>The workaround's converter.</summary>
public static partial class HeadingTags
{
    /// <summary>Counts the <c>h2</c> and <c>h3</c> start tags of <paramref name="html"/>.</summary>
    /// <param name="html">An element's outer HTML.</param>
    /// <returns>How many there are.</returns>
    public static int Count(string html) => StartTag().Count(html);

    [GeneratedRegex(@"<h[23][\s>]")]
    private static partial Regex StartTag();
}
