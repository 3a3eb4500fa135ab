using System;
using System.Collections.Generic;

namespace DeclarativeScrape.Generators.Selectors;

/// <summary>
/// Finds, token by token, the pseudo-elements of a selector outside any function: a pseudo-element (<c>::before</c>,
/// <c>p:first-line</c>) stands for content a browser makes from CSS, which is not in the page, so a selector ending in
/// one matches no element; and Scrapy's <c>::text</c> and <c>::attr(name)</c>, which are not CSS at all.
/// </summary>
internal sealed class PseudoElementFinder
{
    /// <summary>The one-colon forms AngleSharp reads as pseudo-elements.</summary>
    private static readonly HashSet<string> LegacyPseudoElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "before", "after", "first-line", "first-letter",
    };

    private int _depth;
    private int _colons;
    private int _colonStart;
    private SelectorToken _attrFunction;
    private string? _attrArgument;
    private bool _attrArgumentDone;
    private bool _scrapyOpen;

    /// <summary>The first pseudo-element outside a function, from its first colon to its name.</summary>
    public SelectorSpan? PseudoElement { get; private set; }

    /// <summary>A Scrapy pseudo-element ending the selector (<c>::text</c>, <c>::attr(href)</c>), or <see langword="null"/>.</summary>
    public ScrapyPseudoElement? Scrapy { get; private set; }

    public void Add(SelectorToken token)
    {
        if (_scrapyOpen)
        {
            ContinueScrapy(token);
            return;
        }

        if (Scrapy is not null && token.Kind is not (SelectorTokenKind.Whitespace or SelectorTokenKind.EndOfFile))
        {
            // Something follows it: not the Scrapy form the code fix understands.
            Scrapy = null;
        }

        switch (token.Kind)
        {
            case SelectorTokenKind.Function:
                if (_depth == 0 && _colons == 2 && token.DataIs("attr"))
                {
                    _scrapyOpen = true;
                    _attrFunction = token;
                    _attrArgument = null;
                    _attrArgumentDone = false;
                    _colons = 0;
                    return;
                }

                Found(token);
                _depth++;
                break;
            case SelectorTokenKind.RoundBracketClose:
                _depth = Math.Max(0, _depth - 1);
                _colons = 0;
                break;
            case SelectorTokenKind.Colon:
                if (_colons == 0)
                {
                    _colonStart = token.Start;
                }

                _colons++;
                break;
            case SelectorTokenKind.Ident:
                if (_depth == 0 && _colons == 2 && token.DataIs("text"))
                {
                    Scrapy = new ScrapyPseudoElement(_colonStart, token.End, null);
                }

                Found(token);
                break;
            default:
                _colons = 0;
                break;
        }
    }

    private void Found(SelectorToken name)
    {
        if (_depth == 0 && PseudoElement is null && (_colons == 2 || (_colons == 1 && name.Kind == SelectorTokenKind.Ident && LegacyPseudoElements.Contains(name.Data))))
        {
            PseudoElement = new SelectorSpan(_colonStart, name.End);
        }

        _colons = 0;
    }

    // Inside '::attr(': one name (an identifier or a string), then ')'.
    private void ContinueScrapy(SelectorToken token)
    {
        switch (token.Kind)
        {
            case SelectorTokenKind.Whitespace:
                return;
            case SelectorTokenKind.Ident or SelectorTokenKind.String when !_attrArgumentDone:
                _attrArgument = token.Data;
                _attrArgumentDone = true;
                return;
            case SelectorTokenKind.RoundBracketClose when _attrArgument is { Length: > 0 }:
                _scrapyOpen = false;
                Scrapy = new ScrapyPseudoElement(_colonStart, token.End, _attrArgument);
                return;
            default:
                _scrapyOpen = false;
                PseudoElement ??= new SelectorSpan(_colonStart, _attrFunction.End);
                return;
        }
    }
}
