using System;

namespace DeclarativeScrape.Generators.Selectors;

/// <summary>
/// Recognises, token by token, a selector that is exactly <c>:scope</c>: it selects the element being extracted itself
/// (a nested item's matched element, a page's <c>&lt;html&gt;</c>), which the generated code reads directly instead of
/// searching for it.
/// </summary>
/// <remarks>
/// Fed by <see cref="SelectorReader"/>, so the selector is <c>:scope</c> as AngleSharp reads it: surrounding white space
/// and comments are ignored, and so are the case and escapes of the name (<c>:SCOPE</c>). A selector that merely contains
/// <c>:scope</c> (<c>:scope &gt; h3</c>, <c>:is(:scope)</c>) is not one.
/// </remarks>
internal sealed class ScopeSelector
{
    /// <summary>The name of the pseudo-class.</summary>
    public const string Name = "scope";

    private State _state;

    private enum State
    {
        Start,
        Colon,
        Scope,
        Other,
    }

    /// <summary>Whether the tokens so far are exactly <c>:scope</c>.</summary>
    public bool IsScope => _state == State.Scope;

    public void Add(SelectorToken token)
    {
        if (token.Kind == SelectorTokenKind.Whitespace)
        {
            // No white space between ':' and the name: ': scope' is not the pseudo-class.
            _state = _state == State.Colon ? State.Other : _state;
            return;
        }

        _state = _state switch
        {
            State.Start when token.Kind == SelectorTokenKind.Colon => State.Colon,
            State.Colon when token.Kind == SelectorTokenKind.Ident && string.Equals(token.Data, Name, StringComparison.OrdinalIgnoreCase) => State.Scope,
            _ => State.Other,
        };
    }
}
