namespace DeclarativeScrape.Generators.Selectors;

/// <summary>A function that takes one word: <c>:dir()</c>, <c>:lang()</c>, <c>::picker()</c>; or a word or string: <c>:contains()</c>.</summary>
internal sealed class ValueFunction : SelectorFunction
{
    private readonly bool _allowString;
    private bool _hasValue;
    private SelectorToken? _bad;

    public ValueFunction(SelectorValidator owner, SelectorToken opening, string name, bool allowString)
        : base(owner, opening, name) => _allowString = allowString;

    public override bool Accept(SelectorToken token)
    {
        if (token.Kind == SelectorTokenKind.Ident || (_allowString && token.Kind == SelectorTokenKind.String))
        {
            _hasValue = true;
        }
        else if (token.Kind == SelectorTokenKind.RoundBracketClose)
        {
            return true;
        }
        else if (token.Kind != SelectorTokenKind.Whitespace)
        {
            _bad ??= token;
        }

        return false;
    }

    public override bool TryComplete(out SelectorError error)
    {
        var expected = _allowString ? "a word or a quoted string" : "a word";
        if (_bad is { } bad)
        {
            error = Owner.At(bad, $"'{Name}' expects {expected}, found '{Owner.TextOf(bad)}'");
            return false;
        }

        if (!_hasValue)
        {
            error = Owner.At(Opening, $"'{Name}' needs {expected}");
            return false;
        }

        error = default;
        return true;
    }
}
