namespace DeclarativeScrape.DemoSites;

/// <summary>A piece of an article.</summary>
internal abstract record DocBlock;

internal sealed record HeadingBlock(DocHeading Heading) : DocBlock;

internal sealed record ParagraphBlock(string Text) : DocBlock
{
    public List<InlineLink> Links { get; } = [];
}

internal sealed record CodeBlock(DocCodeBlock Code) : DocBlock;

internal sealed record LinkListBlock(IReadOnlyList<string> Paths, IReadOnlyList<string> Titles) : DocBlock;

/// <summary>A sentence with a link: <c>Lead &lt;a href=Target&gt;Text&lt;/a&gt; Tail</c>; an absolute target is external.</summary>
internal sealed record InlineLink(string Lead, string Target, string Text, string Tail);
