using System;

namespace DeclarativeScrape.Generators.Selectors;

/// <summary>
/// Recognises a selector that is exactly <c>:scope</c>: it selects the element being extracted itself (a nested item's
/// matched element, a page's <c>&lt;html&gt;</c>), which the generated code reads directly instead of searching for it.
/// </summary>
/// <remarks>
/// Read through <see cref="SelectorTokenizer"/>, so the selector is <c>:scope</c> as AngleSharp reads it: surrounding
/// white space and comments are ignored, and so are the case and escapes of the name (<c>:SCOPE</c>). A selector that
/// merely contains <c>:scope</c> (<c>:scope &gt; h3</c>, <c>:is(:scope)</c>) is not one.
/// </remarks>
internal static class ScopeSelector
{
    /// <summary>The name of the pseudo-class.</summary>
    public const string Name = "scope";

    /// <summary>Whether <paramref name="selector"/> is exactly <c>:scope</c>.</summary>
    public static bool Is(string? selector)
    {
        if (selector is null)
        {
            return false;
        }

        var tokenizer = new SelectorTokenizer(selector);
        var token = NextSignificant(tokenizer);
        if (token.Kind != SelectorTokenKind.Colon)
        {
            return false;
        }

        // No white space between ':' and the name: ': scope' is not the pseudo-class.
        token = tokenizer.Next();
        if (token.Kind != SelectorTokenKind.Ident || !string.Equals(token.Data, Name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return NextSignificant(tokenizer).Kind == SelectorTokenKind.EndOfFile;
    }

    private static SelectorToken NextSignificant(SelectorTokenizer tokenizer)
    {
        var token = tokenizer.Next();
        while (token.Kind == SelectorTokenKind.Whitespace)
        {
            token = tokenizer.Next();
        }

        return token;
    }
}
