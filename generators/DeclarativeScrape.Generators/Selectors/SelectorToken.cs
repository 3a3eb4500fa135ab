namespace DeclarativeScrape.Generators.Selectors;

/// <summary>One token of a selector: its kind, its value (escapes decoded) and where it is in the selector text.</summary>
internal readonly struct SelectorToken
{
    public SelectorToken(SelectorTokenKind kind, string data, int start, int end)
    {
        Kind = kind;
        Data = data;
        Start = start;
        End = end;
    }

    public SelectorTokenKind Kind { get; }

    /// <summary>The value: a name without its prefix (<c>#</c>, <c>.</c>) or its <c>(</c>, a string without quotes, a delimiter.</summary>
    public string Data { get; }

    public int Start { get; }

    public int End { get; }

    public int Length => End > Start ? End - Start : 1;

    public bool Is(SelectorTokenKind kind, string data) => Kind == kind && Data == data;

    /// <summary>Compares <see cref="Data"/> ignoring ASCII case, whatever the kind (as AngleSharp does for odd, even, of, n).</summary>
    public bool DataIs(string value) => string.Equals(Data, value, System.StringComparison.OrdinalIgnoreCase);
}
