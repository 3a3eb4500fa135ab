namespace DeclarativeScrape.Generators.Selectors;

/// <summary>
/// Scrapy's (parsel's) <c>::text</c> or <c>::attr(name)</c> at the end of a selector: not CSS, but what the
/// <c>[Text]</c> and <c>[Attr]</c> attributes say.
/// </summary>
internal sealed class ScrapyPseudoElement
{
    public ScrapyPseudoElement(int start, int end, string? attribute)
    {
        Start = start;
        End = end;
        Attribute = attribute;
    }

    /// <summary>Where its first colon is in the selector.</summary>
    public int Start { get; }

    /// <summary>Just past its end.</summary>
    public int End { get; }

    /// <summary>The attribute of <c>::attr(name)</c>; <see langword="null"/> for <c>::text</c>.</summary>
    public string? Attribute { get; }

    /// <summary>How it is written, for example <c>::attr(href)</c>.</summary>
    public string Written => Attribute is null ? "::text" : "::attr(" + Attribute + ")";
}
