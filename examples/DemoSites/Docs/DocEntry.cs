namespace DeclarativeScrape.DemoSites;

/// <summary>One page while it is generated.</summary>
internal sealed class DocEntry(string path, DocPageKind kind, string section, string title)
{
    public string Path { get; } = path;

    public DocPageKind Kind { get; } = kind;

    public string Section { get; } = section;

    public string Title { get; } = title;

    public List<DocBlock> Blocks { get; } = [];

    public List<DocHeading> Headings { get; } = [];

    /// <summary>Root-relative paths (with an optional fragment) of existing pages linked from the article.</summary>
    public List<string> Links { get; } = [];

    /// <summary>Root-relative paths linked from the article that do not exist.</summary>
    public List<string> BrokenLinks { get; } = [];

    /// <summary>Root-relative paths linked from the article that robots.txt disallows (drafts).</summary>
    public List<string> DisallowedLinks { get; } = [];

    /// <summary>Absolute URLs on other hosts linked from the article.</summary>
    public List<string> ExternalLinks { get; } = [];
}
