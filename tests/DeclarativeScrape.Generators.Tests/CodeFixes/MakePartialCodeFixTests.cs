using System.Collections.Immutable;
using DeclarativeScrape.CodeFixes;
using DeclarativeScrape.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DeclarativeScrape.Generators.Tests.CodeFixes;

/// <summary>DS0001's fix adds <c>partial</c> to the type and its containing types; the result compiles without DS0001.</summary>
public sealed class MakePartialCodeFixTests
{
    [Theory]
    [InlineData("""
        using DeclarativeScrape;
        namespace Shop;
        [Page, Item]
        public sealed class Book { [Text("h1")] public string? Title { get; init; } }
        [Scraper(StartUrl = "http://127.0.0.1/", StartPage = typeof(Book))]
        public static partial class S;
        """)]
    [InlineData("""
        using DeclarativeScrape;
        namespace Shop;
        public static class Outer
        {
            internal class Middle
            {
                [Page, Item]
                record Book { [Text("h1")] public string? Title { get; init; } }
            }
        }
        """)]
    [InlineData("""
        using DeclarativeScrape;
        [Page, Item]
        class Book { [Text("h1")] public string? Title { get; init; } }
        """)]
    public async Task The_fix_makes_the_type_and_its_containers_partial_and_the_code_compiles(string source)
    {
        var run = GeneratorHarness.Run(source);
        var diagnostic = run.Reported.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("DS0001");

        var fixedSource = await ApplyFixAsync(source, diagnostic);

        var after = GeneratorHarness.Run(fixedSource);
        after.Reported.ShouldBeEmpty();
        after.CompilationDiagnostics.Select(d => d.ToString()).ShouldBeEmpty();
        after.Files.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Partial_goes_right_before_the_keyword_and_keeps_the_layout()
    {
        const string source = """
            using DeclarativeScrape;
            public static class Outer
            {
                [Page, Item]
                public sealed class Book { [Text("h1")] public string? Title { get; init; } }
            }
            """;
        var diagnostic = GeneratorHarness.Run(source).Reported.ShouldHaveSingleItem();

        var fixedSource = await ApplyFixAsync(source, diagnostic);

        fixedSource.ShouldBe(source
            .Replace("public static class Outer", "public static partial class Outer", StringComparison.Ordinal)
            .Replace("public sealed class Book", "public sealed partial class Book", StringComparison.Ordinal));
    }

    private static async Task<string> ApplyFixAsync(string source, Diagnostic diagnostic)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Fix", LanguageNames.CSharp);
        var document = workspace.AddDocument(project.Id, "Source0.cs", SourceText.From(source));
        var actions = new List<CodeAction>();
        var located = Diagnostic.Create(diagnostic.Descriptor, Location.Create((await document.GetSyntaxTreeAsync())!, diagnostic.Location.SourceSpan));
        var context = new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None);

        await new MakePartialCodeFix().RegisterCodeFixesAsync(context);

        var action = actions.ShouldHaveSingleItem();
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }
}
