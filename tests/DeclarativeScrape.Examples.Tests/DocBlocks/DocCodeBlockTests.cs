using DeclarativeScrape.Examples.Tests.Processes;

namespace DeclarativeScrape.Examples.Tests.DocBlocks;

/// <summary>Every C# block of README.md and docs/ compiles, or reports exactly the diagnostics it documents (<see cref="DocCodeConvention"/>).</summary>
public sealed class DocCodeBlockTests
{
    public static TheoryData<string> Pages()
    {
        var root = Example.RepositoryRoot;
        var pages = new TheoryData<string>("README.md");
        foreach (var path in Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(root, path).Replace('\\', '/'));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_csharp_block_of_the_page_compiles_or_reports_its_documented_diagnostics(string page)
    {
        var problems = await DocPageCheck.ProblemsAsync(MarkdownPage.Read(Example.RepositoryRoot, page));

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void Every_diagnostic_page_shows_a_wrong_block_reporting_its_id_and_a_fixed_block()
    {
        var directory = Path.Combine(Example.RepositoryRoot, "docs", "diagnostics");
        var ids = Directory.GetFiles(directory, "DS*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        ids.Count.ShouldBeGreaterThanOrEqualTo(22);
        foreach (var id in ids)
        {
            var page = MarkdownPage.Read(Example.RepositoryRoot, $"docs/diagnostics/{id}.md");
            var blocks = page.CSharpBlocks.ToList();
            blocks.Where(b => b.Is(DocCodeConvention.Wrong)).SelectMany(DocPageCheck.Documented).Select(d => d.Id).ShouldContain(id!, $"{page.Path} has a wrong block documenting {id}");
            blocks.ShouldContain(b => !b.Is(DocCodeConvention.Wrong) && !b.Is(DocCodeConvention.Outline), $"{page.Path} has a fixed block that compiles");
        }
    }

    [Fact]
    public async Task A_block_that_does_not_compile_is_a_problem_located_on_its_page_line()
    {
        var page = MarkdownPage.Parse("test.md", """
            # A page

            ```csharp members
            [Text("h1[")] public string? Title { get; init; }
            ```

            ```csharp statements
            int unused = "text";
            ```
            """);

        var problems = await DocPageCheck.ProblemsAsync(page);

        problems.ShouldContain(p => p.StartsWith("test.md:4: DS0002", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("test.md:8: CS0029", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_warning_is_a_problem_too()
    {
        var page = MarkdownPage.Parse("test.md", """
            ```csharp
            public static class Names { public static string First(string? name) => name; }
            ```
            """);

        (await DocPageCheck.ProblemsAsync(page)).ShouldContain(p => p.StartsWith("test.md:2: CS8603", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_block_must_report_the_diagnostic_its_comment_names_on_that_line()
    {
        var page = MarkdownPage.Parse("test.md", """
            ```csharp wrong members
            [Text("h1")] public string? Title { get; }   // DS0013
            ```

            ```csharp wrong members
            [Text("h1")] public string? Title { get; }   // DS0002
            ```

            ```csharp wrong members
            [Text("h1")] public string? Title { get; }
            ```

            ```csharp wrong members
            // DS0013: the next line
            [Text("h1")] public string? Title { get; }
            ```
            """);

        var problems = await DocPageCheck.ProblemsAsync(page);

        problems.ShouldNotContain(p => p.StartsWith("test.md:2:", StringComparison.Ordinal));
        problems.ShouldContain("test.md:6: documented DS0002 is not reported there (reported: DS0013 at test.md:6)");
        problems.ShouldContain("test.md:6: DS0013 is reported but not documented by a '// DS0013' comment on that line");
        problems.ShouldContain(p => p.StartsWith("test.md:10: a 'wrong' block names the diagnostics", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("test.md:14: documented DS0013 is not reported there", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_csharp_tags_and_unknown_words_are_refused_and_outlines_must_parse()
    {
        var page = MarkdownPage.Parse("test.md", """
            ```cs
            class A { }
            ```

            ```csharp wrnog
            class B { }
            ```

            ```csharp outline
            public static T? Extract(IParentNode scope, ExtractionContext context);
            class {
            ```
            """);

        var problems = await DocPageCheck.ProblemsAsync(page);

        problems.ShouldContain(p => p.StartsWith("test.md:2: tag C# blocks 'csharp', not 'cs'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("test.md:6: unknown word 'wrnog'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("test.md:10: the outline does not parse", StringComparison.Ordinal));
    }

    [Fact]
    public void The_context_comment_and_indented_fences_are_read()
    {
        var page = MarkdownPage.Parse("test.md", """
            <!-- csharp context
            public enum Rating { One = 1 }
            -->

            - a list item:

              ```csharp
              var x = 1;
              ```
            """);

        page.Context.ShouldBe("public enum Rating { One = 1 }\n");
        page.Blocks.Single().ShouldBe(new CodeBlock("test.md", 8, "csharp", [], "var x = 1;\n"), new CodeBlockComparer());
    }

    private sealed class CodeBlockComparer : IEqualityComparer<CodeBlock>
    {
        public bool Equals(CodeBlock? x, CodeBlock? y) =>
            x is not null && y is not null && (x.Page, x.Line, x.Language, x.Code) == (y.Page, y.Line, y.Language, y.Code) && x.Words.SequenceEqual(y.Words);

        public int GetHashCode(CodeBlock obj) => obj.Line;
    }
}
