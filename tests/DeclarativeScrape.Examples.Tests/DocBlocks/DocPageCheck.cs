using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Examples.Tests.DocBlocks;

/// <summary>Checks a page's C# blocks by <see cref="DocCodeConvention"/>; returns the problems, each naming the page and line.</summary>
public static partial class DocPageCheck
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync(MarkdownPage page)
    {
        var problems = new List<string>();
        foreach (var block in page.Blocks.Where(b => DocCodeConvention.OtherCSharpTags.Contains(b.Language)))
        {
            problems.Add($"{block}: tag C# blocks '{DocCodeConvention.Language}', not '{block.Language}', so they are compiled.");
        }

        var blocks = page.CSharpBlocks.ToList();
        foreach (var block in blocks)
        {
            foreach (var word in block.Words.Where(w => !DocCodeConvention.Words.Contains(w)))
            {
                problems.Add($"{block}: unknown word '{word}' after ```csharp (known: {string.Join(", ", DocCodeConvention.Words)}).");
            }
        }

        foreach (var block in blocks.Where(b => b.Is(DocCodeConvention.Outline)))
        {
            problems.AddRange(DocCompiler.SyntaxErrors(block.Code, block.Page).Select(d => $"{block}: the outline does not parse: {Describe(d, block, 0)}"));
        }

        var program = blocks.Where(b => !b.Is(DocCodeConvention.Wrong) && !b.Is(DocCodeConvention.Outline)).ToList();
        if (program.Count > 0)
        {
            var (files, map) = Sources(page, program);
            problems.AddRange((await DocCompiler.DiagnosticsAsync(files, page.SampleFiles)).Select(d => Locate(d, map) + ": " + d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var block in blocks.Where(b => b.Is(DocCodeConvention.Wrong)))
        {
            problems.AddRange(await WrongBlockProblemsAsync(page, block));
        }

        return problems;
    }

    /// <summary>The diagnostics a wrong block's comments name, with the block's line of each (0-based).</summary>
    public static IReadOnlyList<(string Id, int Line)> Documented(CodeBlock block) =>
        [.. block.Code.Split('\n').SelectMany((line, i) => DocumentedId().Matches(line).Select(m => (m.Groups["id"].Value, i)))];

    private static async Task<IReadOnlyList<string>> WrongBlockProblemsAsync(MarkdownPage page, CodeBlock block)
    {
        var expected = Documented(block);
        if (expected.Count == 0)
        {
            return [$"{block}: a '{DocCodeConvention.Wrong}' block names the diagnostics it reports in '// DSxxxx' comments; this one names none."];
        }

        var (files, map) = Sources(page, [block]);
        var diagnostics = await DocCompiler.DiagnosticsAsync(files, page.SampleFiles);
        var reported = diagnostics.Where(d => d.Id.StartsWith("DS", StringComparison.Ordinal) && map.ContainsKey(d.Location.SourceTree?.FilePath ?? ""))
            .Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line - map[d.Location.SourceTree!.FilePath].FirstLine))
            .Distinct()
            .ToList();
        var problems = new List<string>();
        foreach (var (id, line) in expected.Where(e => !reported.Contains(e)))
        {
            problems.Add($"{block.Page}:{block.Line + line}: documented {id} is not reported there (reported: {Describe(diagnostics, map)})");
        }

        foreach (var (id, line) in reported.Where(r => !expected.Contains(r)))
        {
            problems.Add($"{block.Page}:{block.Line + line}: {id} is reported but not documented by a '// {id}' comment on that line");
        }

        problems.AddRange(diagnostics.Where(d => !d.Id.StartsWith("DS", StringComparison.Ordinal))
            .Select(d => $"{Locate(d, map)}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} (a wrong block reports only its documented diagnostics)"));
        return problems;
    }

    private static (IReadOnlyList<(string Path, string Source)> Files, Dictionary<string, (CodeBlock Block, int FirstLine)> Map) Sources(MarkdownPage page, IReadOnlyList<CodeBlock> blocks)
    {
        var files = new List<(string, string)> { ("GlobalUsings.cs", DocCodeConvention.GlobalUsings) };
        if (page.Context is { } context)
        {
            files.Add(($"{page.Path}#context", context));
        }

        var map = new Dictionary<string, (CodeBlock, int)>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            var (source, firstLine) = DocCodeConvention.SourceOf(blocks[i], i + 1);
            var path = blocks[i].ToString();
            files.Add((path, source));
            map[path] = (blocks[i], firstLine);
        }

        return (files, map);
    }

    private static string Locate(Diagnostic diagnostic, Dictionary<string, (CodeBlock Block, int FirstLine)> map)
    {
        var span = diagnostic.Location.GetLineSpan();
        return map.TryGetValue(span.Path ?? "", out var at)
            ? $"{at.Block.Page}:{at.Block.Line + span.StartLinePosition.Line - at.FirstLine}"
            : span.Path is { Length: > 0 } path ? $"{path}:{span.StartLinePosition.Line + 1}" : "(no location)";
    }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics, Dictionary<string, (CodeBlock Block, int FirstLine)> map) =>
        diagnostics.Count == 0 ? "nothing" : string.Join("; ", diagnostics.Select(d => $"{d.Id} at {Locate(d, map)}"));

    private static string Describe(Diagnostic diagnostic, CodeBlock block, int firstLine) =>
        $"{diagnostic.Id} at line {block.Line + diagnostic.Location.GetLineSpan().StartLinePosition.Line - firstLine}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"//.*?\b(?<id>DS\d{4})\b")]
    private static partial Regex DocumentedId();
}
