namespace DeclarativeScrape;

/// <summary>One node of a <see cref="PageTree"/>: the document, an element or a text node.</summary>
internal struct TreeNode
{
    /// <summary>The parent's index (-1 for the document).</summary>
    public int Parent;

    /// <summary>The index after the node's last descendant: its descendants are the nodes from index + 1 to here.</summary>
    public int End;

    /// <summary>The element's name id (<see cref="NameTable"/>), <see cref="PageTree.TextName"/> or <see cref="PageTree.DocumentName"/>.</summary>
    public int Name;

    /// <summary>A text node's first character; an element's first attribute.</summary>
    public int Start;

    /// <summary>A text node's length; an element's number of attributes.</summary>
    public int Length;

    /// <summary>An element's 1-based position among its parent's child elements.</summary>
    public int Position;

    /// <summary>The number of child elements.</summary>
    public int ElementCount;

    /// <summary>The depth: the document 0, its element 1.</summary>
    public int Depth;
}
