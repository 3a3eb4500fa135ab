namespace DeclarativeScrape;

/// <summary>
/// A parsed page as the compact parser builds it: no object per node, but one array of <see cref="TreeNode"/>s in
/// document order (a node's descendants are the nodes after it up to its <see cref="TreeNode.End"/>), the text of its
/// text nodes and the values of its attributes in one character buffer, and only the attributes the page type reads.
/// Node 0 is the document. One tree per <see cref="PageParser"/>, rebuilt for every page: a node index is valid until the
/// parser's next page.
/// </summary>
internal sealed class PageTree
{
    /// <summary>The index of the document node.</summary>
    public const int DocumentNode = 0;

    /// <summary>The <see cref="TreeNode.Name"/> of a text node.</summary>
    public const int TextName = -1;

    /// <summary>The <see cref="TreeNode.Name"/> of the document node.</summary>
    public const int DocumentName = -2;

    /// <summary>The <see cref="TreeNode.Name"/> of a comment node (its text is not kept, as AngleSharp skips it).</summary>
    public const int CommentName = -3;

    /// <summary>The deepest an element may be (AngleSharp moves elements past depth 512; the parser falls back before).</summary>
    public const int MaximumDepth = 500;

    private const int KeptNodes = 1 << 16;
    private const int KeptChars = 1 << 20;

    private readonly CharBuffer _chars = new(16 * 1024);
    private TreeNode[] _nodes = new TreeNode[1024];
    private TreeAttribute[] _attributes = new TreeAttribute[256];
    private int[]? _typePositions;
    private int[]? _typeCounts;
    private int[] _nameCounts = new int[256];

    public PageTree(NameTable names) => Names = names;

    /// <summary>The names of elements and attributes (by id).</summary>
    public NameTable Names { get; }

    /// <summary>The number of nodes, the document included.</summary>
    public int Count { get; private set; }

    /// <summary>The number of attributes kept.</summary>
    public int AttributeCount { get; private set; }

    /// <summary>The node at <paramref name="index"/>.</summary>
    public ref readonly TreeNode this[int index] => ref _nodes[index];

    /// <summary>The document element (<c>&lt;html&gt;</c>), or -1.</summary>
    public int DocumentElement { get; private set; } = -1;

    /// <summary>Whether the node is an element.</summary>
    public bool IsElement(int node) => _nodes[node].Name >= 0;

    /// <summary>The local name of an element.</summary>
    public string LocalName(int element) => Names[_nodes[element].Name];

    /// <summary>The text of a text node.</summary>
    public ReadOnlySpan<char> TextOf(int textNode) => _chars.Span.Slice(_nodes[textNode].Start, _nodes[textNode].Length);

    /// <summary>The kept attributes of an element, in the page's order.</summary>
    public ReadOnlySpan<TreeAttribute> AttributesOf(int element) =>
        _nodes[element].Name >= 0 ? _attributes.AsSpan(_nodes[element].Start, _nodes[element].Length) : [];

    /// <summary>The value of an attribute.</summary>
    public ReadOnlySpan<char> ValueOf(in TreeAttribute attribute) => _chars.Span.Slice(attribute.Start, attribute.Length);

    /// <summary>The value of the attribute of <paramref name="element"/> with name id <paramref name="name"/>.</summary>
    public bool TryGetAttribute(int element, int name, out ReadOnlySpan<char> value)
    {
        foreach (ref readonly var attribute in AttributesOf(element))
        {
            if (attribute.Name == name)
            {
                value = ValueOf(attribute);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The value of the attribute <paramref name="name"/> (any case) of an element, as AngleSharp's <c>GetAttribute</c>.</summary>
    public string? GetAttribute(int element, string name)
    {
        var id = FindName(name);
        return id >= 0 && TryGetAttribute(element, id, out var value) ? value.ToString() : null;
    }

    /// <summary>The id of a name (ASCII case-insensitively), or -1 when no node of this tree can carry it.</summary>
    public int FindName(string name)
    {
        if (!name.AsSpan().ContainsAnyInRange('A', 'Z'))
        {
            return Names.Find(name);
        }

        Span<char> lower = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            lower[i] = char.IsAsciiLetterUpper(name[i]) ? (char)(name[i] | 0x20) : name[i];
        }

        return Names.Find(lower);
    }

    /// <summary>The 1-based position of an element among its parent's child elements of the same name.</summary>
    public int TypePosition(int element)
    {
        NumberByType(element);
        return _typePositions![element];
    }

    /// <summary>The number of child elements of an element's parent that have the element's name.</summary>
    public int TypeCount(int element)
    {
        NumberByType(element);
        return _typeCounts![element];
    }

    // Numbers the children of the element's parent by name, once per parent, in two passes over the children.
    private void NumberByType(int element)
    {
        if (_typePositions is null || _typePositions.Length < Count)
        {
            _typePositions = new int[Math.Max(Count, 1024)];
            _typeCounts = new int[_typePositions.Length];
        }

        if (_typePositions[element] != 0)
        {
            return;
        }

        if (_nameCounts.Length < Names.Count)
        {
            _nameCounts = new int[Math.Max(Names.Count, _nameCounts.Length * 2)];
        }

        var parent = _nodes[element].Parent;
        var end = _nodes[parent].End;
        for (var child = parent + 1; child < end; child = _nodes[child].End)
        {
            if (_nodes[child].Name >= 0)
            {
                _typePositions[child] = ++_nameCounts[_nodes[child].Name];
            }
        }

        for (var child = parent + 1; child < end; child = _nodes[child].End)
        {
            if (_nodes[child].Name >= 0)
            {
                _typeCounts![child] = _nameCounts[_nodes[child].Name];
            }
        }

        for (var child = parent + 1; child < end; child = _nodes[child].End)
        {
            if (_nodes[child].Name >= 0)
            {
                _nameCounts[_nodes[child].Name] = 0;
            }
        }
    }

    /// <summary>Empties the tree for the next page.</summary>
    public void Reset()
    {
        if (_nodes.Length > KeptNodes)
        {
            _nodes = new TreeNode[1024];
            _typePositions = null;
            _typeCounts = null;
        }

        if (_attributes.Length > KeptNodes)
        {
            _attributes = new TreeAttribute[256];
        }

        _chars.Reset(KeptChars);
        if (_typePositions is { } positions)
        {
            Array.Clear(positions, 0, Math.Min(positions.Length, Count));
        }

        AttributeCount = 0;
        DocumentElement = -1;
        Count = 1;
        _nodes[0] = new TreeNode { Parent = -1, Name = DocumentName, Depth = 0 };
    }

    /// <summary>
    /// Whether a node may be appended to <paramref name="parent"/> in document order: the parent is the last node or
    /// one of its ancestors (anything else would need the node inserted before later ones, which this tree does not do).
    /// </summary>
    public bool CanAppendTo(int parent)
    {
        var node = Count - 1;
        while (node > parent)
        {
            node = _nodes[node].Parent;
        }

        return node == parent;
    }

    /// <summary>Appends an element; its attributes follow with <see cref="AddAttribute"/>.</summary>
    public int AddElement(int parent, int name)
    {
        var index = NewNode();
        ref var parentNode = ref _nodes[parent];
        parentNode.ElementCount++;
        _nodes[index] = new TreeNode
        {
            Parent = parent,
            Name = name,
            Start = AttributeCount,
            Length = 0,
            Position = parentNode.ElementCount,
            Depth = parentNode.Depth + 1,
        };
        if (parent == DocumentNode && DocumentElement < 0)
        {
            DocumentElement = index;
        }

        return index;
    }

    /// <summary>Adds an attribute to the element just appended.</summary>
    public void AddAttribute(int element, int name, ReadOnlySpan<char> value)
    {
        if (AttributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }

        var start = _chars.Count;
        _chars.Append(value);
        _attributes[AttributeCount++] = new TreeAttribute(name, start, value.Length);
        _nodes[element].Length++;
    }

    /// <summary>Appends a copy of <paramref name="source"/> (its name and attributes) to <paramref name="parent"/>.</summary>
    public int CopyElement(int parent, int source)
    {
        var copy = AddElement(parent, _nodes[source].Name);
        var first = _nodes[source].Start;
        var count = _nodes[source].Length;
        for (var i = 0; i < count; i++)
        {
            var attribute = _attributes[first + i];
            if (AttributeCount == _attributes.Length)
            {
                Array.Resize(ref _attributes, _attributes.Length * 2);
            }

            // The value stays where it is: only the attribute entry is new.
            _attributes[AttributeCount++] = attribute;
            _nodes[copy].Length++;
        }

        return copy;
    }

    /// <summary>Appends a comment node (without text) to <paramref name="parent"/>.</summary>
    public void AddComment(int parent)
    {
        var index = NewNode();
        _nodes[index] = new TreeNode { Parent = parent, Name = CommentName, Depth = _nodes[parent].Depth + 1 };
    }

    /// <summary>Whether the node is a comment.</summary>
    public bool IsComment(int node) => _nodes[node].Name == CommentName;

    /// <summary>Appends text to <paramref name="parent"/>: to its last child when that is a text node, else as a new one.</summary>
    public void AppendText(int parent, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var last = Count - 1;
        if (_nodes[last].Name == TextName && _nodes[last].Parent == parent && _nodes[last].Start + _nodes[last].Length == _chars.Count)
        {
            _chars.Append(text);
            _nodes[last].Length += text.Length;
            return;
        }

        var index = NewNode();
        _nodes[index] = new TreeNode
        {
            Parent = parent,
            Name = TextName,
            Start = _chars.Count,
            Length = text.Length,
            Depth = _nodes[parent].Depth + 1,
        };
        _chars.Append(text);
    }

    /// <summary>Finishes the tree: every node's <see cref="TreeNode.End"/>.</summary>
    public void Complete()
    {
        var nodes = _nodes;
        var count = Count;
        for (var i = 0; i < count; i++)
        {
            nodes[i].End = i + 1;
        }

        for (var i = count - 1; i > 0; i--)
        {
            ref var parent = ref nodes[nodes[i].Parent];
            if (nodes[i].End > parent.End)
            {
                parent.End = nodes[i].End;
            }
        }
    }

    private int NewNode()
    {
        if (Count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        return Count++;
    }
}
