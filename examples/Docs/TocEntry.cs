namespace DeclarativeScrape.Examples.Docs;

/// <summary>An entry of a page's table of contents: a heading's text and the anchor that leads to it.</summary>
[Item]
public partial record TocEntry
{
    /// <summary>The heading's text.</summary>
    [Text("a")] public required string Text { get; init; }

    /// <summary>The id of the heading it leads to (its link is <c>#id</c>).</summary>
    [Attr("a", "href"), Match("^#(.+)$")] public required string Anchor { get; init; }
}
