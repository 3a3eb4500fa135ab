extern alias samples;

using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Bookstore;
using DeclarativeScrape.Examples.Docs;
using DeclarativeScrape.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using CheckedType = samples::DeclarativeScrape.Samples.Model.CheckedType;
using SampleCarriedValues = samples::DeclarativeScrape.CarriedValues;
using CheckedTypes = samples::DeclarativeScrape.Samples.Reading.CheckedTypes;
using JsonReader = samples::DeclarativeScrape.Samples.Expected.JsonReader;
using ModelExtraction = samples::DeclarativeScrape.Samples.Extraction.ModelExtraction;
using SampleDocuments = samples::DeclarativeScrape.ExtractionDocument;
using SamplePage = samples::DeclarativeScrape.Samples.Files.SamplePage;
using SampleSource = samples::DeclarativeScrape.Samples.Files.SampleSource;
using SampleText = samples::DeclarativeScrape.Samples.Files.SampleText;
using ValueComparison = samples::DeclarativeScrape.Samples.Checking.ValueComparison;

namespace DeclarativeScrape.Generators.Tests.SamplePages;

/// <summary>
/// The differential test of the sample check: on every page of both demo sites (served by Kestrel on loopback, fetched
/// as bytes with their Content-Type), and on mutations of them that break values, the sample check's extraction gives
/// exactly what the crawl's gives: the examples' page types run by the runtime's own parse worker (decoding, attribute
/// filtering parser, generated extractors) against the same types interpreted from the generator's model by the compiled
/// copy of the runtime's extraction in the sample check. Same failures (property path, selector, message, in order), same
/// links (property, href, resolved URL), same values. Besides the examples' types, the test scraper
/// <see cref="Scrapers.ShapedScraper"/> runs the dsl's value and link features (counts, text shaping, link rules,
/// <c>[FollowLinks]</c>, carried values: none, some, and some that do not convert) on the bookstore's pages.
/// </summary>
public sealed class CrawlAgreementTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_sample_check_and_the_crawl_agree_on_every_demo_page_and_its_mutations()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var models = ExampleModels();
        var tally = new Tally();
        var mismatches = new List<string>();

        await using (var bookstore = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 60 }, cancellation.Token))
        {
            var paths = new List<string> { "/", "/about.html", "/basket/", "/no-such-page.html" };
            paths.AddRange(Enumerable.Range(1, 6).Select(p => $"/catalogue/page-{p}.html"));
            paths.AddRange(bookstore.Categories.Take(3).Select(c => c.Url.AbsolutePath));
            paths.AddRange(bookstore.Books.Select(b => b.Url.AbsolutePath));
            foreach (var page in await FetchAsync(bookstore, paths, cancellation.Token))
            {
                foreach (var pageType in BookstoreScraper.Plan.Pages)
                {
                    Compare(page, BookstoreScraper.Plan, pageType, models, mismatches, tally);
                }

                foreach (var pageType in Scrapers.ShapedScraper.Plan.Pages)
                {
                    Compare(page, Scrapers.ShapedScraper.Plan, pageType, models, mismatches, tally);
                }
            }
        }

        await using (var docs = await DocsSite.StartAsync(null, cancellation.Token))
        {
            var paths = docs.Pages.Select(p => p.Url.AbsolutePath).Append("/docs/missing.html").ToList();
            foreach (var page in await FetchAsync(docs, paths, cancellation.Token))
            {
                foreach (var pageType in DocsScraper.Plan.Pages)
                {
                    Compare(page, DocsScraper.Plan, pageType, models, mismatches, tally);
                }
            }
        }

        mismatches.ShouldBeEmpty();
        tally.Compared.ShouldBeGreaterThan(3_000, "every page and its mutations, as each page type");
        tally.Failures.ShouldBeGreaterThan(2_000, "the mutations and the wrong page types give failures to compare");
        foreach (var type in new[] { "BookPage", "DocPage", "ShapedListing", "ShapedBook" })
        {
            tally.Values.GetValueOrDefault(type).ShouldBeGreaterThan(10, $"{type}'s values are compared on many pages");
        }

        foreach (var message in new[] { "has no part", ExtractionMessages.NotCarried, ExtractionMessages.NoLinkPasses, "'sixty' is not an integer", "is not a decimal" })
        {
            tally.Messages.ShouldContain(m => m.Contains(message, StringComparison.Ordinal), $"the pages give a failure '{message}' to compare");
        }
    }

    private static void Compare<TItem>(FetchedPage page, CrawlPlan<TItem> scraper, PageType<TItem> pageType, Dictionary<string, CheckedType> models, List<string> mismatches, Tally tally)
    {
        var plan = models[pageType.Type.FullName!];
        var variant = 0;
        foreach (var (name, bytes) in Variants(page))
        {
            var where = page.Url.AbsolutePath + " [" + name + "] as " + pageType.Name;
            var (carriedNames, carriedValues) = Carried(variant++);

            var worker = new ParseWorker();
            var crawl = worker.Extract(bytes, page.ContentType.ToString(), page.Url, pageType, carriedNames is null ? null : CarriedValues.Create(carriedNames, carriedValues!));
            var crawlLinks = worker.Links.Select(l => l.Property + " " + l.Href + " " + l.Url?.AbsoluteUri).ToList();
            var crawlFailures = crawl.Failures.Select(f => f.Property + " | " + f.Selector + " | " + f.Message).ToList();

            var sample = SamplePage.Parse(new SampleSource(new SampleText(page.Url.AbsolutePath, name, bytes, null), page.ContentType.ToString()));
            var context = SampleDocuments.CreateContext(sample.Document, page.Url);
            context.Carried = carriedNames is null ? null : SampleCarriedValues.Create(carriedNames, carriedValues!);
            var extraction = new ModelExtraction(context, models.Values, carriedKnown: true);
            var (ok, value) = extraction.Extract(plan, sample.Document);
            var sampleLinks = extraction.Context.Links.Select(l => l.Property + " " + l.Href + " " + l.Url?.AbsoluteUri).ToList();
            var sampleFailures = extraction.Context.Failures.Select(f => f.Property + " | " + f.Selector + " | " + f.Message).ToList();

            tally.Compared++;
            tally.Failures += crawlFailures.Count;
            tally.Messages.UnionWith(crawl.Failures.Select(f => f.Message));
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
                tally.Values[pageType.Name] = tally.Values.GetValueOrDefault(pageType.Name) + 1;
                var json = Json(scraper, crawl.Item!);
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

    // What the link to the page carried, in turn: nothing (a start URL), values that convert, and values that do not (or are absent).
    private static (string[]? Names, string?[]? Values) Carried(int variant) => (variant % 3) switch
    {
        0 => (null, null),
        1 => (["Heading", "Results"], ["All books", "60"]),
        _ => (["Heading", "Results"], [null, "sixty"]),
    };

    private static string Json<TItem>(CrawlPlan<TItem> scraper, TItem item)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            scraper.Format.WriteJson(writer, item);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The examples' page and item types as the sample check reads them: the generator's models of the same sources.</summary>
    private static Dictionary<string, CheckedType> ExampleModels()
    {
        var root = typeof(CrawlAgreementTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var files = new[] { "Bookstore/BookPage.cs", "Bookstore/CataloguePage.cs", "Bookstore/CategoryPage.cs", "Bookstore/Review.cs", "Bookstore/Rating.cs", "Bookstore/BookstoreScraper.cs", "Docs/DocPage.cs", "Docs/TocEntry.cs", "Docs/DocsScraper.cs" }
            .Select(f => Path.Combine(root, "examples", f))
            .Append(Path.Combine(root, "tests", "DeclarativeScrape.Generators.Tests", "Scrapers", "Shaped.cs"));
        var sources = files.Select(f => "using System;\nusing System.Collections.Generic;\nusing DeclarativeScrape;\n" + File.ReadAllText(f)).ToArray();
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

    /// <summary>What was compared: pages, failures, the failure messages seen, the values compared by page type.</summary>
    private sealed class Tally
    {
        public int Compared { get; set; }

        public int Failures { get; set; }

        public HashSet<string> Messages { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Values { get; } = new(StringComparer.Ordinal);
    }

    private sealed record FetchedPage(Uri Url, MediaTypeHeaderValue ContentType, byte[] Body);
}
