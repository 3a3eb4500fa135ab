using System.Collections;
using System.Reflection;
using DeclarativeScrape.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeclarativeScrape.Generators.Tests.Incrementality;

/// <summary>The pipeline caches: unrelated and cosmetic edits change nothing; a selector change touches only its type.</summary>
public sealed class IncrementalPipelineTests
{
    private const string ScraperFile = """
        using DeclarativeScrape;
        namespace Shop;

        [Scraper(StartUrl = "http://127.0.0.1/catalogue", StartPage = typeof(CataloguePage))]
        [Concurrency(Max = 8)]
        public static partial class BookstoreScraper;
        """;

    private const string CatalogueFile = """
        using System.Collections.Generic;
        using DeclarativeScrape;
        namespace Shop;

        [Page]
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

        [Page, Item]
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

    private static readonly string[] AllSteps =
    [
        TrackingNames.PageResults, TrackingNames.PageModels, TrackingNames.PageSources, TrackingNames.PageSummaries,
        TrackingNames.ItemResults, TrackingNames.ItemModels, TrackingNames.ItemSources, TrackingNames.ItemSummaries,
        TrackingNames.AllSummaries, TrackingNames.ScraperResults, TrackingNames.ScraperModels, TrackingNames.ScraperSources,
        TrackingNames.ScraperDiagnostics,
    ];

    [Fact]
    public void An_unrelated_new_file_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int X { get; set; } }", GeneratorHarness.ParseOptions)));

        AssertNothingChanged(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void A_comment_and_whitespace_inside_a_page_type_leave_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var edited = BookFile.Replace("public decimal Price", "// the price, as shown\n\n        public   decimal Price", StringComparison.Ordinal);

        driver = driver.RunGenerators(Replace(compilation, 2, edited));

        AssertNothingChanged(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void A_selector_change_modifies_only_that_types_steps()
    {
        var (driver, compilation) = FirstRun();

        driver = driver.RunGenerators(Replace(compilation, 2, BookFile.Replace("p.price_color", "p.price", StringComparison.Ordinal)));
        var result = driver.GetRunResult().Results.Single();

        Modified(result, TrackingNames.PageModels).ShouldBe(["global::Shop.BookPage"]);
        Modified(result, TrackingNames.PageSources).Count.ShouldBe(1);
        // The crawl plan lists each page type's selectors (the compact parser builds only what they need), so the
        // type's summary and the plan change with them; no other type's steps do.
        Modified(result, TrackingNames.PageSummaries).Count.ShouldBe(1);
        Modified(result, TrackingNames.ScraperSources).Count.ShouldBe(1);
        Modified(result, TrackingNames.ItemSources).ShouldBeEmpty();
        Modified(result, TrackingNames.ItemSummaries).ShouldBeEmpty();
        result.GeneratedSources.Single(s => s.HintName == "Shop.BookPage.g.cs").SourceText.ToString().ShouldContain("\"p.price\"");
        result.GeneratedSources.Single(s => s.HintName.EndsWith("BookstoreScraper.g.cs", StringComparison.Ordinal)).SourceText.ToString().ShouldContain("\"p.price\"");
    }

    [Fact]
    public void A_new_field_changes_the_plan_and_its_fingerprint()
    {
        var (driver, compilation) = FirstRun();
        var before = Plan(driver);

        driver = driver.RunGenerators(Replace(compilation, 2, BookFile.Replace("[Text(\"h1\")]", "[Text(\"h2\")] public string? Subtitle { get; init; }\n    [Text(\"h1\")]", StringComparison.Ordinal)));

        Modified(driver.GetRunResult().Results.Single(), TrackingNames.ScraperSources).Count.ShouldBe(1);
        Fingerprint(Plan(driver)).ShouldNotBe(Fingerprint(before));
    }

    [Fact]
    public void The_same_source_twice_gives_equal_models()
    {
        var first = FirstRun().Driver.GetRunResult().Results.Single();
        var second = FirstRun().Driver.GetRunResult().Results.Single();

        foreach (var step in new[] { TrackingNames.PageModels, TrackingNames.ItemModels, TrackingNames.ScraperModels, TrackingNames.AllSummaries })
        {
            var a = Values(first, step);
            var b = Values(second, step);
            a.Count.ShouldBeGreaterThan(0, step);
            b.ShouldBe(a, step);
            b.Select(v => v.GetHashCode()).ShouldBe(a.Select(v => v.GetHashCode()), step);
        }
    }

    [Fact]
    public void No_Roslyn_object_is_reachable_from_any_model()
    {
        var result = FirstRun().Driver.GetRunResult().Results.Single();
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(Location), typeof(SemanticModel) };
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var count = 0;

        foreach (var step in new[] { TrackingNames.PageModels, TrackingNames.ItemModels, TrackingNames.ScraperModels, TrackingNames.AllSummaries, TrackingNames.PageSummaries })
        {
            foreach (var value in Values(result, step))
            {
                Walk(value, forbidden, visited, step, ref count);
            }
        }

        count.ShouldBeGreaterThan(20, "the walk visited the models");
    }

    private static void Walk(object? value, Type[] forbidden, HashSet<object> visited, string path, ref int count)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        foreach (var type in forbidden)
        {
            type.IsInstanceOfType(value).ShouldBeFalse(path + " holds a " + type.Name);
        }

        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        count++;
        if (value is IEnumerable enumerable)
        {
            var i = 0;
            foreach (var element in enumerable)
            {
                Walk(element, forbidden, visited, path + "[" + i++ + "]", ref count);
            }
        }

        for (var t = value.GetType(); t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), forbidden, visited, path + "." + field.Name, ref count);
            }
        }
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compile(ScraperFile, CatalogueFile, BookFile, ReviewFile);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        driver.GetRunResult().Diagnostics.ShouldBeEmpty();
        driver.GetRunResult().GeneratedTrees.Length.ShouldBe(4);
        return (driver, compilation);
    }

    private static Compilation Replace(Compilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static void AssertNothingChanged(GeneratorRunResult result)
    {
        result.TrackedSteps.Keys.Count(AllSteps.Contains).ShouldBeGreaterThanOrEqualTo(AllSteps.Length - 1, "the named steps are tracked");
        foreach (var name in AllSteps)
        {
            // A step absent from this run's tracking did not run at all: its inputs were cached.
            if (!result.TrackedSteps.TryGetValue(name, out var steps))
            {
                continue;
            }

            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    reason.ShouldBeOneOf([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged], name);
                }
            }
        }

        foreach (var (_, reason) in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            reason.ShouldBeOneOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }
    }

    private static List<string> Modified(GeneratorRunResult result, string step) =>
        [.. result.TrackedSteps[step].SelectMany(s => s.Outputs)
            .Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .Select(o => o.Value is Model.ExtractableTypeModel m ? m.Type.FullName : o.Value?.ToString() ?? "null")];

    private static List<object> Values(GeneratorRunResult result, string step) =>
        [.. result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Value)];

    private static string Plan(GeneratorDriver driver) =>
        driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("BookstoreScraper.g.cs", StringComparison.Ordinal)).ToString();

    private static string Fingerprint(string plan)
    {
        var marker = plan.IndexOf(".Of<global::Shop.BookPage>(), \"", StringComparison.Ordinal);
        return plan.Substring(marker + ".Of<global::Shop.BookPage>(), \"".Length, 16);
    }
}
