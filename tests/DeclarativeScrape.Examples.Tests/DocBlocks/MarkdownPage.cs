using System.Text;

namespace DeclarativeScrape.Examples.Tests.DocBlocks;

/// <summary>
/// A Markdown page's fenced code blocks and its <c>&lt;!-- csharp context … --&gt;</c> comment (C# compiled with every
/// block of the page but not shown), as <see cref="DocCodeConvention"/> describes.
/// </summary>
public sealed record MarkdownPage(string Path, IReadOnlyList<CodeBlock> Blocks, string? Context)
{
    public const string ContextStart = "<!-- csharp context";

    public IEnumerable<CodeBlock> CSharpBlocks => Blocks.Where(b => b.Language == DocCodeConvention.Language);

    /// <summary>
    /// The sample files the page shows (<c>```html samples/book-1.html</c>, <c>```json samples/book-1.expected.json</c>):
    /// every compile of the page's blocks has them as additional files, so the sample check runs on them.
    /// </summary>
    public IReadOnlyList<(string Path, string Text)> SampleFiles =>
        [.. Blocks.Where(b => b.Language is "html" or "json" && b.Words.Count == 1 && b.Words[0].StartsWith(DocCodeConvention.SamplesFolder, StringComparison.Ordinal)).Select(b => (b.Words[0], b.Code))];

    public static MarkdownPage Read(string root, string relativePath) =>
        Parse(relativePath.Replace('\\', '/'), File.ReadAllText(System.IO.Path.Combine(root, relativePath)));

    public static MarkdownPage Parse(string path, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<CodeBlock>();
        string? context = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.StartsWith(ContextStart, StringComparison.Ordinal))
            {
                var code = new StringBuilder();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("-->", StringComparison.Ordinal); i++)
                {
                    code.Append(lines[i]).Append('\n');
                }

                context = context is null ? code.ToString() : throw new FormatException($"{path}: more than one '{ContextStart}' comment.");
                continue;
            }

            if (!trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var indent = lines[i].Length - trimmed.Length;
            var fence = trimmed[..(trimmed.Length - trimmed.TrimStart('`').Length)];
            var info = trimmed[fence.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = i + 1;
            var body = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith(fence, StringComparison.Ordinal); i++)
            {
                body.Append(lines[i].Length >= indent && string.IsNullOrWhiteSpace(lines[i][..indent]) ? lines[i][indent..] : lines[i].TrimStart()).Append('\n');
            }

            if (i >= lines.Length)
            {
                throw new FormatException($"{path}:{start}: the code block is not closed.");
            }

            blocks.Add(new CodeBlock(path, start + 1, info.Length > 0 ? info[0] : "", info.Skip(1).ToArray(), body.ToString()));
        }

        return new MarkdownPage(path, blocks, context);
    }
}
