extern alias samples;

using DeclarativeScrape.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SampleTrackingNames = samples::DeclarativeScrape.Samples.SampleTrackingNames;

namespace DeclarativeScrape.Generators.Tests.Incrementality;

/// <summary>
/// The sample check is incremental by content: a sample is read and parsed once per content, a type's check runs again
/// only when the type, one of its samples or an item type it nests changes, and the generator's own steps never see the
/// samples.
/// </summary>
public sealed class SampleIncrementalityTests
{
    private const string ScraperFile = """
        using DeclarativeScrape;
        namespace Shop;

        [Scraper(StartUrl = "http://127.0.0.1/catalogue", StartPage = typeof(CataloguePage))]
        public static partial class BookstoreScraper;
        """;

    private const string CatalogueFile = """
        using System.Collections.Generic;
        using DeclarativeScrape;
        namespace Shop;

        [Page, Sample("samples/catalogue.html")]
        public partial class CataloguePage
        {
            [Follow("li.next a")] public Link<CataloguePage>? Next { get; init; }
            [Follow("article h3 a")] public IReadOnlyList<Link<BookPage>> Books { get; init; } = [];
        }
        """;

    private const string BookFile = """
        using System.Collections.Generic;
        using DeclarativeScrape;
        namespace Shop;

        [Page, Item, Sample("samples/book-1.html"), Sample("samples/book-2.html")]
        public partial record BookPage
        {
            [Text("h1")] public required string Title { get; init; }
            [Text("p.price_color")] public decimal Price { get; init; }
            [Items("#reviews article")] public IReadOnlyList<Review> Reviews { get; init; } = [];
        }
        """;

    private const string ReviewFile = """
        using DeclarativeScrape;
        namespace Shop;

        [Item]
        public partial record Review
        {
            [Text("span.author")] public required string Author { get; init; }
        }
        """;

    private static readonly SampleFile Catalogue = SampleHarness.File("samples/catalogue.html", "<ul><li class=next><a href=p2>n</a></li></ul><article><h3><a href=b1>b</a></h3></article>");
    private static readonly SampleFile Book1 = SampleHarness.File("samples/book-1.html", "<h1>One</h1><p class=price_color>£1.00</p><div id=reviews><article><span class=author>A</span></article></div>");
    private static readonly SampleFile Book2 = SampleHarness.File("samples/book-2.html", "<h1>Two</h1><p class=price_color>£2.00</p>");

    private static readonly string[] GeneratorSteps =
    [
        TrackingNames.PageResults, TrackingNames.PageModels, TrackingNames.PageSources, TrackingNames.PageSummaries,
        TrackingNames.ItemResults, TrackingNames.ItemModels, TrackingNames.ItemSources, TrackingNames.ItemSummaries,
        TrackingNames.AllSummaries, TrackingNames.ScraperResults, TrackingNames.ScraperModels, TrackingNames.ScraperSources,
        TrackingNames.ScraperDiagnostics,
    ];

    [Fact]
    public void The_first_run_parses_each_sample_once_and_checks_each_sampled_type()
    {
        var (driver, _) = FirstRun();
        var result = Samples(driver);

        Ran(result, SampleTrackingNames.SamplePages).Count.ShouldBe(3);
        Ran(result, SampleTrackingNames.SampleChecks).Count.ShouldBe(2);
    }

    [Fact]
    public void Editing_a_sample_parses_that_sample_again_and_rechecks_only_its_type()
    {
        var (driver, compilation) = FirstRun();
        var edited = SampleHarness.File("samples/book-2.html", "<h1>Two</h1><p class=price_color>£2.50</p>");

        driver = driver.ReplaceAdditionalText(Book2, edited).RunGenerators(compilation);
        var result = Samples(driver);

        Ran(result, SampleTrackingNames.SamplePages).ShouldBe(["/project/samples/book-2.html"]);
        Ran(result, SampleTrackingNames.SampleChecks).Count.ShouldBe(1, "only BookPage names book-2.html");
        AssertCached(Generator(driver), GeneratorSteps);
    }

    [Fact]
    public void Editing_a_selector_rechecks_that_type_on_its_parsed_samples_without_parsing_them_again()
    {
        var (driver, compilation) = FirstRun();

        driver = driver.RunGenerators(Replace(compilation, 2, BookFile.Replace("p.price_color", "p.price", StringComparison.Ordinal)));
        var result = Samples(driver);

        Ran(result, SampleTrackingNames.SamplePages).ShouldBeEmpty("no sample changed: none is read or parsed again");
        Ran(result, SampleTrackingNames.SampleChecks).Count.ShouldBe(1, "only BookPage changed");
        result.Diagnostics.Select(d => d.Id).ShouldBe(["DS0028", "DS0028"], "p.price matches nothing in either book sample");
    }

    [Fact]
    public void Editing_a_nested_item_type_rechecks_the_pages_that_nest_it_only()
    {
        var (driver, compilation) = FirstRun();

        driver = driver.RunGenerators(Replace(compilation, 3, ReviewFile.Replace("span.author", "span.name", StringComparison.Ordinal)));
        var result = Samples(driver);

        Ran(result, SampleTrackingNames.SamplePages).ShouldBeEmpty();
        Ran(result, SampleTrackingNames.SampleChecks).Count.ShouldBe(1, "BookPage nests Review; CataloguePage does not");
        result.Diagnostics.ShouldHaveSingleItem().Id.ShouldBe("DS0028");
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_sample_step_and_every_generator_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int X { get; set; } }", GeneratorHarness.ParseOptions)));

        AssertCached(Samples(driver),
        [
            SampleTrackingNames.SampleTexts, SampleTrackingNames.SampleExpectations, SampleTrackingNames.SampleSources, SampleTrackingNames.SamplePages,
            SampleTrackingNames.SampledTypes, SampleTrackingNames.ItemTypes, SampleTrackingNames.SampleJobs, SampleTrackingNames.SampleChecks,
        ]);
        AssertCached(Generator(driver), GeneratorSteps);
    }

    [Fact]
    public void Adding_an_unrelated_additional_file_parses_nothing_and_checks_nothing()
    {
        var (driver, compilation) = FirstRun();

        driver = driver.AddAdditionalTexts([SampleHarness.File("notes.txt", "x"), SampleHarness.File("samples/unused.html", "<p>x</p>")]).RunGenerators(compilation);
        var result = Samples(driver);

        Ran(result, SampleTrackingNames.SamplePages).ShouldBe(["/project/samples/unused.html"], "a new page is parsed once, ready for a [Sample] that names it");
        Ran(result, SampleTrackingNames.SampleChecks).ShouldBeEmpty();
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compile(ScraperFile, CatalogueFile, BookFile, ReviewFile);
        var driver = SampleHarness.CreateDriver([Catalogue, Book1, Book2]).RunGenerators(compilation);
        driver.GetRunResult().Diagnostics.ShouldBeEmpty();
        return (driver, compilation);
    }

    private static Compilation Replace(Compilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static GeneratorRunResult Generator(GeneratorDriver driver) => driver.GetRunResult().Results[0];

    private static GeneratorRunResult Samples(GeneratorDriver driver) => driver.GetRunResult().Results[1];

    /// <summary>The outputs of <paramref name="step"/> that were computed in this run (not taken from the cache).</summary>
    private static List<string> Ran(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var steps)
            ? [.. steps.SelectMany(s => s.Outputs).Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New or IncrementalStepRunReason.Unchanged).Select(o => Describe(o.Value))]
            : [];

    private static string Describe(object? value) => value switch
    {
        samples::DeclarativeScrape.Samples.Files.SamplePage page => page.Path,
        _ => value?.ToString() ?? "null",
    };

    private static void AssertCached(GeneratorRunResult result, string[] steps)
    {
        foreach (var name in steps)
        {
            if (!result.TrackedSteps.TryGetValue(name, out var tracked))
            {
                continue;
            }

            foreach (var (_, reason) in tracked.SelectMany(s => s.Outputs))
            {
                reason.ShouldBeOneOf([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged], name);
            }
        }
    }
}
