using System.Collections.Immutable;
using DeclarativeScrape.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DeclarativeScrape.Benchmarks.Generator;

/// <summary>
/// The <see cref="SyntheticScraperProject"/> as the compiler sees it: a <see cref="CSharpCompilation"/> with the
/// references a user project has (the framework's assemblies, DeclarativeScrape and its dependencies), the edits as
/// new compilations, and generator drivers configured as the compiler configures them (no step tracking).
/// </summary>
public sealed class SyntheticCompilation
{
    /// <summary>The parse options of the project and of generated sources.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    private readonly SyntaxTree _editedTree;
    private readonly Func<string, string, string> _transform;

    private SyntheticCompilation(CSharpCompilation compilation, Func<string, string, string> transform)
    {
        Compilation = compilation;
        _transform = transform;
        _editedTree = compilation.SyntaxTrees.Single(t => t.FilePath == SyntheticScraperProject.EditedPath);
    }

    /// <summary>The project before any edit.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>Builds the project.</summary>
    /// <param name="transform">Changes a file's text (path, text → text), the edited file's after each edit too; none by default.</param>
    /// <returns>The compilation.</returns>
    public static SyntheticCompilation Create(Func<string, string, string>? transform = null)
    {
        transform ??= static (_, text) => text;
        return new(
            CSharpCompilation.Create(
                "SyntheticShop",
                SyntheticScraperProject.Files().Select(f => CSharpSyntaxTree.ParseText(transform(f.Path, f.Text), ParseOptions, f.Path)),
                LazyReferences.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)),
            transform);
    }

    /// <summary>A new compilation over the same syntax trees, with nothing bound yet (for a cold first run).</summary>
    /// <returns>The compilation.</returns>
    public CSharpCompilation Fresh() => CSharpCompilation.Create(Compilation.AssemblyName, Compilation.SyntaxTrees, Compilation.References, Compilation.Options);

    /// <summary>A generator driver running DeclarativeScrape's generator, as the compiler creates it.</summary>
    /// <returns>The driver, not yet run.</returns>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create([new DeclarativeScrapeGenerator().AsSourceGenerator()], parseOptions: ParseOptions);

    /// <summary>A generator driver with no generator: what an edit costs the driver when the project has none.</summary>
    /// <returns>The driver, not yet run.</returns>
    public static GeneratorDriver CreateEmptyDriver() => CSharpGeneratorDriver.Create([], parseOptions: ParseOptions);

    /// <summary>A generator driver running only <see cref="AttributeBindingGenerator"/>, the binding floor.</summary>
    /// <returns>The driver, not yet run.</returns>
    public static GeneratorDriver CreateBindingDriver() =>
        CSharpGeneratorDriver.Create([new AttributeBindingGenerator().AsSourceGenerator()], parseOptions: ParseOptions);

    /// <summary>
    /// Applies <paramref name="edit"/> as an editor does: the edited file re-parsed incrementally from a text change
    /// (or the new file parsed), and a new compilation sharing everything else with <see cref="Compilation"/>.
    /// </summary>
    /// <param name="edit">The edit.</param>
    /// <returns>The edited compilation and the tree that changed.</returns>
    public (CSharpCompilation Compilation, SyntaxTree Tree) Apply(SourceEdit edit)
    {
        if (edit == SourceEdit.UnrelatedFile)
        {
            var added = CSharpSyntaxTree.ParseText(SyntheticScraperProject.UnrelatedFile(), ParseOptions, SyntheticScraperProject.UnrelatedPath);
            return (Compilation.AddSyntaxTrees(added), added);
        }

        var changed = _editedTree.WithChangedText(SourceText.From(_transform(SyntheticScraperProject.EditedPath, SyntheticScraperProject.EditedPageText(edit))));
        return (Compilation.ReplaceSyntaxTree(_editedTree, changed), changed);
    }

    /// <summary>
    /// What the compiler binds for the changed file whatever generators there are: its declarations, with their
    /// attributes (the declaration diagnostics of the file).
    /// </summary>
    /// <param name="compilation">The edited compilation.</param>
    /// <param name="tree">The changed file.</param>
    /// <returns>The number of diagnostics (zero on this project).</returns>
    public static int BindDeclarations(Compilation compilation, SyntaxTree tree) =>
        compilation.GetSemanticModel(tree).GetDeclarationDiagnostics().Length;

    // A user project references the framework and the package's assemblies, not everything the benchmark process loads.
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string[] package =
        [
            typeof(ScrapeEngine).Assembly.Location,
            typeof(AngleSharp.Dom.IDocument).Assembly.Location,
            typeof(Polly.ResiliencePipeline).Assembly.Location,
            typeof(System.Threading.RateLimiting.RateLimiter).Assembly.Location,
            typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location,
        ];
        var frameworkFiles = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.Length > 0 && string.Equals(Path.GetDirectoryName(p), framework, StringComparison.Ordinal));
        return [.. package.Concat(frameworkFiles)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase) // a package wins over the framework's copy
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))];
    }
}
