namespace DeclarativeScrape.Examples.Tests.DocBlocks;

/// <summary>
/// How the C# blocks of README.md and docs/ are compiled (documented for writers in docs/doc-tests.md). A block is
/// fenced <c>```csharp</c>, optionally followed by words:
/// <list type="bullet">
/// <item>none: a source file. All such blocks of a page (and its <c>members</c> and <c>statements</c> blocks) compile
/// together as one program, with the generator and analyzer, nullable on and warnings as errors: zero diagnostics.</item>
/// <item><c>members</c>: properties (and nested types) of a <c>[Page, Item] partial record</c>.</item>
/// <item><c>statements</c>: the body of an <c>async Task</c> method with a <c>CancellationToken cancellationToken</c> parameter.</item>
/// <item><c>wrong</c>: compiled alone; it must report exactly the diagnostic IDs its <c>// DSxxxx</c> comments name, each on the commented line.</item>
/// <item><c>outline</c>: an outline of generated API (signatures without bodies): it must parse, it is not compiled.</item>
/// </list>
/// Every block is compiled with a console project's implicit usings plus <c>DeclarativeScrape</c>, and with the page's
/// <c>&lt;!-- csharp context … --&gt;</c> comment, if it has one.
/// </summary>
public static class DocCodeConvention
{
    public const string Language = "csharp";
    public const string Wrong = "wrong";
    public const string Members = "members";
    public const string Statements = "statements";
    public const string Outline = "outline";

    /// <summary>An <c>html</c> or <c>json</c> block whose info string names a path under this folder is a sample file of the page.</summary>
    public const string SamplesFolder = "samples/";

    public static readonly IReadOnlyList<string> Words = [Wrong, Members, Statements, Outline];

    /// <summary>Other tags that mean C#: refused, so that no C# block escapes the test.</summary>
    public static readonly IReadOnlyList<string> OtherCSharpTags = ["cs", "c#", "csharp-script", "C#", "CSharp", "cshtml"];

    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using DeclarativeScrape;

        """;

    /// <summary>The source file <paramref name="block"/> becomes, and the line of the file where the block's first line is.</summary>
    /// <param name="block">The block.</param>
    /// <param name="index">A number unique in the compilation, for the names of wrapping types.</param>
    public static (string Source, int FirstLine) SourceOf(CodeBlock block, int index)
    {
        if (block.Is(Members))
        {
            return ($"[Page, Item] public partial record Snippet{index}\n{{\n{block.Code}}}\n", 2);
        }

        if (block.Is(Statements))
        {
            return ($"#pragma warning disable CS1998 // a snippet need not await\npublic static class Snippet{index}\n{{\n    public static async Task RunAsync(CancellationToken cancellationToken)\n    {{\n{block.Code}    }}\n}}\n", 5);
        }

        return (block.Code, 0);
    }
}
