extern alias samples;

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using DeclarativeScrape.Benchmarks.Generator;
using DeclarativeScrape.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SampleCheckGenerator = samples::DeclarativeScrape.Samples.SampleCheckGenerator;

namespace DeclarativeScrape.Benchmarks.Samples;

/// <summary>
/// The generator benchmark's 50-page-type project (<see cref="SyntheticScraperProject"/>) with sample pages: 20 of its
/// product page types name one sample each (<c>[Sample("samples/page-NN.html", Url = …)]</c>), a saved product page of
/// 100 KB that its extraction reads without a failure (a product, its reviews, and related-product cards making up the
/// size, as on a real shop's page). The samples reach the drivers as additional files of a project directory, as the
/// package's props hand them to the compiler.
/// </summary>
public sealed class SampleCheckProject
{
    /// <summary>The project directory the sample paths start from.</summary>
    public const string ProjectDirectory = "/synthetic/";

    /// <summary>The size each sample is padded to, at least.</summary>
    public const int SampleBytes = 100 * 1024;

    /// <summary>The 20 sampled page types: the product pages from 26 on (the edited page 27 among them).</summary>
    public static readonly IReadOnlyList<int> SampledPages =
        [.. Enumerable.Range(26, SyntheticScraperProject.PageCount - 26).Where(i => i % 5 != 0)];

    private SampleCheckProject(SyntheticCompilation project, ImmutableArray<InMemoryAdditionalText> samples)
    {
        Project = project;
        Samples = samples;
        EditedSample = samples.Single(s => s.Path == SamplePath(SyntheticScraperProject.EditedPage));
        ChangedSample = new InMemoryAdditionalText(EditedSample.Path, SampleHtml(SyntheticScraperProject.EditedPage).Replace("<h1 class=\"title\">", "<h1 class=\"heading\">", StringComparison.Ordinal));
    }

    /// <summary>The project's compilation (the page types with their <c>[Sample]</c>s).</summary>
    public SyntheticCompilation Project { get; }

    /// <summary>The sample pages, one per sampled type.</summary>
    public ImmutableArray<InMemoryAdditionalText> Samples { get; }

    /// <summary>The sample of the edited page type, before the <see cref="SampleEdit.Sample"/> edit.</summary>
    public InMemoryAdditionalText EditedSample { get; }

    /// <summary>That sample after the edit: its heading's class changed, so the page no longer gives the type's title.</summary>
    public InMemoryAdditionalText ChangedSample { get; }

    /// <summary>Builds the project and its samples.</summary>
    /// <returns>The project.</returns>
    public static SampleCheckProject Create() =>
        new(SyntheticCompilation.Create(WithSample), [.. SampledPages.Select(i => new InMemoryAdditionalText(SamplePath(i), SampleHtml(i)))]);

    /// <summary>A driver as the compiler creates it for a project built with the package: the generator, and the sample check when asked.</summary>
    /// <param name="withSampleCheck">Whether the sample check runs beside the generator.</param>
    /// <returns>The driver, not yet run.</returns>
    public GeneratorDriver CreateDriver(bool withSampleCheck)
    {
        ISourceGenerator[] generators = withSampleCheck
            ? [new DeclarativeScrapeGenerator().AsSourceGenerator(), new SampleCheckGenerator().AsSourceGenerator()]
            : [new DeclarativeScrapeGenerator().AsSourceGenerator()];
        return CSharpGeneratorDriver.Create(generators, Samples, SyntheticCompilation.ParseOptions, new ProjectDirectoryOptions(SampleCheckGenerator.ProjectDirectoryOption, ProjectDirectory));
    }

    /// <summary>Applies <paramref name="edit"/> to the warm state: the new compilation, and the driver with the edited sample when the edit is one.</summary>
    /// <param name="edit">The edit.</param>
    /// <param name="warm">A driver already run on <see cref="Project"/>.</param>
    /// <returns>What to run next.</returns>
    public (Compilation Compilation, GeneratorDriver Driver) Apply(SampleEdit edit, GeneratorDriver warm) => edit switch
    {
        SampleEdit.UnrelatedFile => (Project.Apply(SourceEdit.UnrelatedFile).Compilation, warm),
        SampleEdit.ScraperType => (Project.Apply(SourceEdit.Selector).Compilation, warm),
        SampleEdit.Sample => (Project.Compilation, warm.ReplaceAdditionalText(EditedSample, ChangedSample)),
        _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, null),
    };

    private static string SamplePath(int page) => ProjectDirectory + "samples/page-" + page.ToString("00", CultureInfo.InvariantCulture) + ".html";

    private static string SampleUrl(int page) => "https://shop.example/catalogue/product-" + page.ToString(CultureInfo.InvariantCulture) + "/index.html";

    // The [Sample] of a sampled page type, on its declaration.
    private static string WithSample(string path, string text)
    {
        foreach (var page in SampledPages)
        {
            if (path == "Pages/Page" + page.ToString("00", CultureInfo.InvariantCulture) + ".cs")
            {
                var sample = "[Sample(\"samples/page-" + page.ToString("00", CultureInfo.InvariantCulture) + ".html\", Url = \"" + SampleUrl(page) + "\")]\n";
                return text.Replace("[Page, Item]", sample + "[Page, Item]", StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>A saved product page of page type <paramref name="page"/>, every value its type reads present, padded to <see cref="SampleBytes"/>.</summary>
    /// <param name="page">The page type's number.</param>
    /// <returns>The HTML.</returns>
    public static string SampleHtml(int page)
    {
        var i = page.ToString(CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Product ").Append(i).Append(" | Synthetic Shop</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/static/shop.css\"></head>\n<body>\n")
            .Append("<ul class=\"breadcrumb\"><li><a href=\"/index.html\">Home</a></li><li><a href=\"/catalogue/page-1.html\">Catalogue</a></li>")
            .Append("<li><a href=\"/catalogue/department-").Append(i).Append("/index.html\">Department ").Append(i).Append("</a></li><li class=\"active\">Product ").Append(i).Append("</li></ul>\n")
            .Append("<div class=\"page-").Append(i).Append(" product_main\">\n<h1 class=\"title\">Product ").Append(i).Append(": a book with a title</h1>\n")
            .Append("<p class=\"price_color\">£").Append((10 + page).ToString(CultureInfo.InvariantCulture)).Append(".99</p>\n")
            .Append("<p class=\"availability\">In stock (").Append((page % 17) + 1).Append(" available)</p>\n")
            .Append("<p class=\"star-rating Four\"><i></i><i></i><i></i><i></i><i></i></p>\n</div>\n")
            .Append("<div class=\"item active\"><img src=\"../../media/cover-").Append(i).Append(".jpg\" alt=\"cover\"></div>\n")
            .Append("<table class=\"specs\"><tr><th>UPC</th><td>upc-").Append(i).Append("-0001</td></tr><tr><th>Type</th><td>Books</td></tr></table>\n")
            .Append("<time class=\"published\">2024-03-1").Append(page % 10).Append("</time>\n")
            .Append("<ul class=\"tags\"><li>fiction</li><li>classics</li><li>department ").Append(i).Append("</li></ul>\n")
            .Append("<div id=\"product_description\"><h2>Description</h2></div>\n<p>A <em>long</em> description of product ").Append(i).Append(".</p>\n")
            .Append("<section id=\"reviews\">\n");
        for (var r = 0; r < 5; r++)
        {
            html.Append("<article><span class=\"author\">Reader ").Append(r).Append("</span> <time datetime=\"2024-0").Append(r + 1).Append("-15\">15 months ago</time>")
                .Append("<p class=\"star-rating Three\"></p><div class=\"review-text\">Review ").Append(r).Append(" of product ").Append(i).Append(": well worth reading.</div>")
                .Append("<a class=\"permalink\" href=\"reviews/").Append(r).Append(".html\">link</a><span class=\"helpful\">").Append(r + 2).Append(" found this helpful</span></article>\n");
        }

        html.Append("</section>\n<ul class=\"pager\"><li class=\"next\"><a href=\"../product-").Append((page + 1) % SyntheticScraperProject.PageCount).Append("/index.html\">next</a></li></ul>\n")
            .Append("<aside class=\"related\"><h2>Recommended for you</h2>\n");
        for (var k = 0; html.Length < SampleBytes; k++)
        {
            html.Append("<article class=\"product_pod\"><div class=\"image_container\"><a href=\"../product-").Append(k).Append("/index.html\"><img src=\"../../media/thumb-").Append(k)
                .Append(".jpg\" alt=\"Related product ").Append(k).Append("\" class=\"thumbnail\"></a></div><p class=\"star-rating Two\"></p>")
                .Append("<h3><a href=\"../product-").Append(k).Append("/index.html\" title=\"Related product ").Append(k).Append("\">Related product ").Append(k).Append("</a></h3>")
                .Append("<div class=\"product_price\"><p class=\"price_color\">£").Append(k % 50).Append(".50</p><p class=\"instock availability\">In stock</p></div></article>\n");
        }

        return html.Append("</aside>\n</body></html>\n").ToString();
    }
}
