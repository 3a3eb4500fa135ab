using System.Collections.Generic;

namespace DeclarativeScrape.Generators.Selectors;

/// <summary>What one pass over a selector found: whether it is valid, and the facts the generator needs of it.</summary>
internal sealed class SelectorReading
{
    public SelectorReading(SelectorError? error, bool isScope, IReadOnlyCollection<string> attributes, bool readsAnyAttribute, SelectorSpan? pseudoElement, ScrapyPseudoElement? scrapy)
    {
        Error = error;
        IsScope = isScope;
        Attributes = attributes;
        ReadsAnyAttribute = readsAnyAttribute;
        PseudoElement = pseudoElement;
        Scrapy = scrapy;
    }

    /// <summary>Why AngleSharp would refuse it; <see langword="null"/> when it is valid.</summary>
    public SelectorError? Error { get; }

    /// <summary>Whether it is exactly <c>:scope</c> (see <see cref="ScopeSelector"/>).</summary>
    public bool IsScope { get; }

    /// <summary>The attributes it tests, lower case, ordinal order (see <see cref="SelectorAttributeNames"/>).</summary>
    public IReadOnlyCollection<string> Attributes { get; }

    /// <summary>Whether its match may depend on attributes it does not name.</summary>
    public bool ReadsAnyAttribute { get; }

    /// <summary>Its first pseudo-element outside a function: it then matches no element of a page.</summary>
    public SelectorSpan? PseudoElement { get; }

    /// <summary>Scrapy's <c>::text</c> or <c>::attr(name)</c> ending it, which is not CSS.</summary>
    public ScrapyPseudoElement? Scrapy { get; }
}
