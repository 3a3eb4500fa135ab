using System;
using System.Collections.Generic;

namespace DeclarativeScrape.Generators.Selectors;

/// <summary>
/// Which HTML attributes a (valid) selector looks at: <c>id</c> for <c>#x</c>, <c>class</c> for <c>.x</c>, the name of
/// every attribute selector (<c>[data-id]</c>, <c>[type=hidden]</c>). The crawl's parser keeps only the attributes
/// the extractors of a page read, so a selector whose match depends on attributes in another way says so.
/// </summary>
internal static class SelectorAttributeNames
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

    /// <summary>Adds the attribute names <paramref name="selector"/> tests (lower case) to <paramref name="names"/>.</summary>
    /// <returns>
    /// <see langword="false"/> when the selector's match may depend on attributes it does not name: a pseudo-class
    /// such as <c>:checked</c>, <c>:link</c> or <c>:lang()</c>, a pseudo-element, a namespaced attribute; the page
    /// then keeps every attribute.
    /// </returns>
    public static bool TryCollect(string selector, ICollection<string> names)
    {
        var tokenizer = new SelectorTokenizer(selector);
        var previous = SelectorTokenKind.Whitespace;
        var inAttribute = false;
        var attributeNamed = false;
        for (var token = tokenizer.Next(); token.Kind != SelectorTokenKind.EndOfFile; token = tokenizer.Next())
        {
            if (inAttribute)
            {
                switch (token.Kind)
                {
                    case SelectorTokenKind.Whitespace:
                        continue;
                    case SelectorTokenKind.Ident when !attributeNamed:
                        names.Add(token.Data.ToLowerInvariant());
                        attributeNamed = true;
                        break;
                    case SelectorTokenKind.Delim when token.Data == "|":
                        return false;
                    case SelectorTokenKind.SquareBracketClose:
                        inAttribute = false;
                        break;
                    default:
                        attributeNamed = true;
                        break;
                }

                previous = token.Kind;
                continue;
            }

            switch (token.Kind)
            {
                case SelectorTokenKind.Hash:
                    names.Add("id");
                    break;
                case SelectorTokenKind.Class:
                    names.Add("class");
                    break;
                case SelectorTokenKind.SquareBracketOpen:
                    inAttribute = true;
                    attributeNamed = false;
                    break;
                case SelectorTokenKind.Colon when previous == SelectorTokenKind.Colon:
                case SelectorTokenKind.Ident when previous == SelectorTokenKind.Colon && !StructuralPseudoClasses.Contains(token.Data):
                case SelectorTokenKind.Function when previous == SelectorTokenKind.Colon && !StructuralPseudoFunctions.Contains(token.Data):
                case SelectorTokenKind.Invalid:
                    return false;
            }

            previous = token.Kind;
        }

        return true;
    }
}
