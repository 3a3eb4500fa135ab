namespace DeclarativeScrape.Generators.Selectors;

/// <summary>A function whose argument is a selector list: <c>:not()</c>, <c>:is()</c>, <c>:where()</c>, <c>:matches()</c>, <c>:has()</c>, <c>:host()</c>, <c>:host-context()</c>.</summary>
internal sealed class SelectorListFunction : SelectorFunction
{
    private readonly SelectorFunctionKind _kind;
    private readonly SelectorValidator _argument;
    private bool _empty = true;

    public SelectorListFunction(SelectorValidator owner, SelectorToken opening, string name, SelectorFunctionKind kind)
        : base(owner, opening, name)
    {
        _kind = kind;
        _argument = owner.CreateChild(forgiving: kind is SelectorFunctionKind.ForgivingSelectorList or SelectorFunctionKind.Has);
        _argument.InsideNot = kind == SelectorFunctionKind.Not;
    }

    public override bool IsNot => _kind == SelectorFunctionKind.Not;

    public override bool Accept(SelectorToken token)
    {
        if (token.Kind == SelectorTokenKind.RoundBracketClose && _argument.State == ValidatorState.Data)
        {
            return true;
        }

        // :has(> a) is relative: a leading combinator applies to the element being tested.
        if (_kind == SelectorFunctionKind.Has && _empty && token.Kind == SelectorTokenKind.Delim)
        {
            _argument.InsertSelector();
            _argument.Apply(new SelectorToken(SelectorTokenKind.Whitespace, " ", token.Start, token.Start));
        }

        _empty = false;
        _argument.Apply(token);
        return false;
    }

    public override bool TryComplete(out SelectorError error)
    {
        if (_kind == SelectorFunctionKind.Has && _empty)
        {
            error = Owner.At(Opening, "':has()' needs a selector, as in ':has(> img)'");
            return false;
        }

        error = _argument.IsValid ? default : _argument.Diagnose();
        return _argument.IsValid;
    }

    public override SelectorError Diagnose() =>
        _argument.FirstError is { } error ? error
        : _argument.State == ValidatorState.Data ? Unclosed()
        : _argument.Diagnose();
}
