extern alias samples;

using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using CheckedType = samples::DeclarativeScrape.Samples.Model.CheckedType;
using CheckedTypes = samples::DeclarativeScrape.Samples.Reading.CheckedTypes;
using JsonReader = samples::DeclarativeScrape.Samples.Expected.JsonReader;
using ModelExtraction = samples::DeclarativeScrape.Samples.Extraction.ModelExtraction;
using SampleDocuments = samples::DeclarativeScrape.ExtractionDocument;
using SamplePage = samples::DeclarativeScrape.Samples.Files.SamplePage;
using SampleText = samples::DeclarativeScrape.Samples.Files.SampleText;
using ValueComparison = samples::DeclarativeScrape.Samples.Checking.ValueComparison;

namespace DeclarativeScrape.Generators.Tests.SamplePages;

/// <summary>
/// The differential test of the sample check: on every page of both demo sites (served by Kestrel on loopback, fetched
/// as bytes with their Content-Type), and on mutations of them that break values, the sample check's extraction gives
/// exactly what the crawl's gives: the examples' page types run by the runtime's own parse worker (decoding, attribute
/// filtering parser, generated extractors) against the same types interpreted from the generator's model by the compiled
/// copy of the runtime's extraction in the sample check. Same failures (property path, selector, message, in order), same
/// links (property, href, resolved URL), same values.
/// </summary>
public sealed class CrawlAgreementTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_sample_check_and_the_crawl_agree_on_every_demo_page_and_its_mutations()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var models = ExampleModels();
        var compared = 0;
        var failures = 0;
        var mismatches = new List<string>();

        await using (var bookstore = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 60 }, cancellation.Token))
        {
            var paths = new List<string> { "/", "/about.html", "/basket/", "/no-such-page.html" };
            paths.AddRange(Enumerable.Range(1, 6).Select(p => $"/catalogue/page-{p}.html"));
            paths.AddRange(bookstore.Categories.Take(3).Select(c => c.Url.AbsolutePath));
            paths.AddRange(bookstore.Books.Select(b => b.Url.AbsolutePath));
            foreach (var page in await FetchAsync(bookstore, paths, cancellation.Token))
            {
                foreach (var pageType in BookstoreScraperPages())
                {
                    Compare(page, pageType, models, mismatches, ref compared, ref failures);
                }
            }
        }

        await using (var docs = await DocsSite.StartAsync(null, cancellation.Token))
        {
            var paths = docs.Pages.Select(p => p.Url.AbsolutePath).Append("/docs/missing.html").ToList();
            foreach (var page in await FetchAsync(docs, paths, cancellation.Token))
            {
                foreach (var pageType in DocsScraperPages())
                {
                    Compare(page, pageType, models, mismatches, ref compared, ref failures);
                }
            }
        }

        mismatches.ShouldBeEmpty();
        compared.ShouldBeGreaterThan(1_500, "every page and its mutations, as each page type");
        failures.ShouldBeGreaterThan(2_000, "the mutations and the wrong page types give failures to compare");
    }

    private static void Compare<TItem>(FetchedPage page, PageType<TItem> pageType, Dictionary<string, CheckedType> models, List<string> mismatches, ref int compared, ref int failures)
    {
        var plan = models[pageType.Type.FullName!];
        foreach (var (variant, bytes) in Variants(page))
        {
            var where = page.Url.AbsolutePath + " [" + variant + "] as " + pageType.Name;

            var worker = new ParseWorker();
            var crawl = worker.Extract(bytes, page.ContentType.ToString(), page.Url, pageType);
            var crawlLinks = worker.Links.Select(l => l.Property + " " + l.Href + " " + l.Url?.AbsoluteUri).ToList();
            var crawlFailures = crawl.Failures.Select(f => f.Property + " | " + f.Selector + " | " + f.Message).ToList();

            var sample = SamplePage.Parse(new SampleText(page.Url.AbsolutePath, variant, bytes, null), page.ContentType.ToString());
            var extraction = new ModelExtraction(SampleDocuments.CreateContext(sample.Document, page.Url), models.Values);
            var (ok, value) = extraction.Extract(plan, sample.Document);
            var sampleLinks = extraction.Context.Links.Select(l => l.Property + " " + l.Href + " " + l.Url?.AbsoluteUri).ToList();
            var sampleFailures = extraction.Context.Failures.Select(f => f.Property + " | " + f.Selector + " | " + f.Message).ToList();

            compared++;
            failures += crawlFailures.Count;
            crawl.Error.ShouldBeNull(where);
            if (!crawlFailures.SequenceEqual(sampleFailures, StringComparer.Ordinal))
            {
                mismatches.Add(where + ": failures differ\n  crawl:  " + string.Join("\n          ", crawlFailures) + "\n  sample: " + string.Join("\n          ", sampleFailures));
            }

            if (!crawlLinks.SequenceEqual(sampleLinks, StringComparer.Ordinal))
            {
                mismatches.Add(where + ": links differ (" + crawlLinks.Count + " and " + sampleLinks.Count + ")");
            }

            if (ok != !crawl.Failed)
            {
                mismatches.Add(where + ": the crawl " + (crawl.Failed ? "failed" : "succeeded") + ", the sample check " + (ok ? "succeeded" : "failed"));
            }

            if (crawl.HasItem)
            {
                var json = Json(pageType, crawl.Item!);
                var differences = ValueComparison.Compare(plan, value, JsonReader.Read(json), models);
                if (differences.Count > 0)
                {
                    mismatches.Add(where + ": values differ: " + string.Join("; ", differences.Select(d => d.Path + " " + d.Actual + " / " + d.Expected)));
                }
            }
        }
    }

    /// <summary>The page as served, and mutations that break one kind of value each (or move its base URL, or its encoding).</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> Variants(FetchedPage page)
    {
        yield return ("as served", page.Body);
        var html = Encoding.UTF8.GetString(page.Body);
        var mutations = new (string Name, Func<string, string> Change)[]
        {
            ("no prices", h => h.Replace("price_color", "price-colour", StringComparison.Ordinal)),
            ("unreadable numbers", h => h.Replace("£", "£x", StringComparison.Ordinal).Replace("available)", "avail.)", StringComparison.Ordinal)),
            ("no images", h => h.Replace(" src=", " data-src=", StringComparison.Ordinal)),
            ("no headings", h => h.Replace("<h1", "<h6", StringComparison.Ordinal).Replace("</h1>", "</h6>", StringComparison.Ordinal)),
            ("bad dates", h => h.Replace("datetime=\"20", "datetime=\"x20", StringComparison.Ordinal)),
            ("unknown ratings", h => h.Replace("star-rating Three", "star-rating Many", StringComparison.Ordinal)),
            ("no authors", h => h.Replace("class=\"author\"", "class=\"writer\"", StringComparison.Ordinal)),
            ("moved base", h => h.Replace("<head>", "<head><base href=\"/elsewhere/deeper/\">", StringComparison.Ordinal)),
            ("javascript links", h => h.Replace("href=\"/", "href=\"javascript:/", StringComparison.Ordinal)),
            ("no toc anchors", h => h.Replace("href=\"#", "href=\"", StringComparison.Ordinal)),
        };
        foreach (var (name, change) in mutations)
        {
            var changed = change(html);
            if (!ReferenceEquals(changed, html) && changed != html)
            {
                yield return (name, Encoding.UTF8.GetBytes(changed));
            }
        }

        // The same text in windows-1252, declared by a meta charset: decoded as the crawl decodes it.
        var latin = html.Replace("<head>", "<head><meta charset=\"windows-1252\">", StringComparison.Ordinal);
        yield return ("windows-1252", Encoding.GetEncoding(1252).GetBytes(latin));
    }

    private static string Json<TItem>(PageType<TItem> pageType, TItem item)
    {
        _ = pageType;
        var plan = typeof(TItem) == typeof(DeclarativeScrape.Examples.Bookstore.BookPage)
            ? (object)DeclarativeScrape.Examples.Bookstore.BookstoreScraper.Plan
            : DeclarativeScrape.Examples.Docs.DocsScraper.Plan;
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            ((CrawlPlan<TItem>)plan).Format.WriteJson(writer, item);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static IEnumerable<PageType<DeclarativeScrape.Examples.Bookstore.BookPage>> BookstoreScraperPages() => DeclarativeScrape.Examples.Bookstore.BookstoreScraper.Plan.Pages;

    private static IEnumerable<PageType<DeclarativeScrape.Examples.Docs.DocPage>> DocsScraperPages() => DeclarativeScrape.Examples.Docs.DocsScraper.Plan.Pages;

    /// <summary>The examples' page and item types as the sample check reads them: the generator's models of the same sources.</summary>
    private static Dictionary<string, CheckedType> ExampleModels()
    {
        var root = typeof(CrawlAgreementTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var files = new[] { "Bookstore/BookPage.cs", "Bookstore/CataloguePage.cs", "Bookstore/Review.cs", "Bookstore/Rating.cs", "Bookstore/BookstoreScraper.cs", "Docs/DocPage.cs", "Docs/TocEntry.cs", "Docs/DocsScraper.cs" };
        var sources = files.Select(f => "using System;\nusing System.Collections.Generic;\nusing DeclarativeScrape;\n" + File.ReadAllText(Path.Combine(root, "examples", f))).ToArray();
        var compilation = GeneratorHarness.Compile(sources);
        var models = new Dictionary<string, CheckedType>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var semantic = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
            {
                if (semantic.GetDeclaredSymbol(declaration) is INamedTypeSymbol type && CheckedTypes.Read(type, declaration, compilation, samples: false, CancellationToken.None) is { } model)
                {
                    models[model.FullName.Replace("global::", string.Empty, StringComparison.Ordinal)] = model;
                    models[model.FullName] = model;
                }
            }
        }

        return models;
    }

    private static async Task<List<FetchedPage>> FetchAsync(DemoSite site, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        var pages = new List<FetchedPage>();
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            var url = site.Url(path);
            using var response = await client.GetAsync(url, cancellationToken);
            var contentType = response.Content.Headers.ContentType ?? new MediaTypeHeaderValue("text/html");
            if (contentType.MediaType != "text/html")
            {
                continue;
            }

            pages.Add(new FetchedPage(url, contentType, await response.Content.ReadAsByteArrayAsync(cancellationToken)));
        }

        return pages;
    }

    private sealed record FetchedPage(Uri Url, MediaTypeHeaderValue ContentType, byte[] Body);
}
