using System;
using System.Collections.Generic;

namespace DeclarativeScrape.Generators.Selectors;

/// <summary>
/// Which HTML attributes a (valid) selector looks at, token by token: <c>id</c> for <c>#x</c>, <c>class</c> for
/// <c>.x</c>, the name of every attribute selector (<c>[data-id]</c>, <c>[type=hidden]</c>). The crawl's parser keeps
/// only the attributes the extractors of a page read, so a selector whose match depends on attributes in another way
/// says so (<see cref="ReadsAny"/>).
/// </summary>
internal sealed class SelectorAttributeNames
{
    /// <summary>Pseudo-classes that depend only on an element's place among its siblings and its children.</summary>
    private static readonly HashSet<string> StructuralPseudoClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "root", "scope", "first-child", "last-child", "only-child", "first-of-type", "last-of-type", "only-of-type", "empty",
    };

    /// <summary>Functional pseudo-classes that add no attribute test of their own (their arguments are scanned too).</summary>
    private static readonly HashSet<string> StructuralPseudoFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "not", "is", "where", "matches", "has", "contains",
    };

    private readonly SortedSet<string> _names = new(StringComparer.Ordinal);
    private SelectorTokenKind _previous = SelectorTokenKind.Whitespace;
    private bool _inAttribute;
    private bool _attributeNamed;

    /// <summary>The attribute names the selector tests, lower case, in ordinal order.</summary>
    public IReadOnlyCollection<string> Names => _names;

    /// <summary>
    /// Whether the selector's match may depend on attributes it does not name: a pseudo-class such as
    /// <c>:checked</c>, <c>:link</c> or <c>:lang()</c>, a pseudo-element, a namespaced attribute; the page then keeps
    /// every attribute.
    /// </summary>
    public bool ReadsAny { get; private set; }

    public void Add(SelectorToken token)
    {
        if (_inAttribute)
        {
            switch (token.Kind)
            {
                case SelectorTokenKind.Whitespace:
                    return;
                case SelectorTokenKind.Ident when !_attributeNamed:
                    _names.Add(token.Data.ToLowerInvariant());
                    _attributeNamed = true;
                    break;
                case SelectorTokenKind.Delim when token.Data == "|":
                    ReadsAny = true;
                    break;
                case SelectorTokenKind.SquareBracketClose:
                    _inAttribute = false;
                    break;
                default:
                    _attributeNamed = true;
                    break;
            }

            _previous = token.Kind;
            return;
        }

        switch (token.Kind)
        {
            case SelectorTokenKind.Hash:
                _names.Add("id");
                break;
            case SelectorTokenKind.Class:
                _names.Add("class");
                break;
            case SelectorTokenKind.SquareBracketOpen:
                _inAttribute = true;
                _attributeNamed = false;
                break;
            case SelectorTokenKind.Colon when _previous == SelectorTokenKind.Colon:
            case SelectorTokenKind.Ident when _previous == SelectorTokenKind.Colon && !StructuralPseudoClasses.Contains(token.Data):
            case SelectorTokenKind.Function when _previous == SelectorTokenKind.Colon && !StructuralPseudoFunctions.Contains(token.Data):
            case SelectorTokenKind.Invalid:
                ReadsAny = true;
                break;
        }

        _previous = token.Kind;
    }
}
