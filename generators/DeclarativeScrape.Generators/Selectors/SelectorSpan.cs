namespace DeclarativeScrape.Generators.Selectors;

/// <summary>A part of a selector's text: from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
internal readonly struct SelectorSpan
{
    public SelectorSpan(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;
}
