using System;
using System.Globalization;

namespace DeclarativeScrape.Generators.Selectors;

/// <summary>
/// The <c>an+b</c> argument of <c>:nth-child()</c> and its kin, read as AngleSharp's <c>ChildFunctionState</c> reads it,
/// including its leniencies: an error before <c>of S</c> is forgiven once <c>of</c> is reached.
/// </summary>
internal sealed class NthFunction : SelectorFunction
{
    private readonly bool _allowOf;
    private Step _step;
    private SelectorError? _error;
    private SelectorValidator? _of;

    public NthFunction(SelectorValidator owner, SelectorToken opening, string name, bool allowOf)
        : base(owner, opening, name) => _allowOf = allowOf;

    private enum Step
    {
        Initial,
        AfterInitialSign,
        Offset,
        AfterOffsetWhitespace,
        AfterOffsetSign,
        BeforeOf,
        AfterOf,
    }

    public override bool Accept(SelectorToken token) => _step switch
    {
        Step.Initial => OnInitial(token),
        Step.AfterInitialSign => OnAfterInitialSign(token),
        Step.Offset => OnOffset(token),
        Step.AfterOffsetWhitespace => OnAfterOffsetWhitespace(token),
        Step.AfterOffsetSign => OnAfterOffsetSign(token),
        Step.BeforeOf => OnBeforeOf(token),
        _ => OnSelector(token),
    };

    public override bool TryComplete(out SelectorError error)
    {
        if (_error is { } own)
        {
            error = own;
            return false;
        }

        if (_of is { IsValid: false })
        {
            error = _of.Diagnose();
            return false;
        }

        error = default;
        return true;
    }

    public override SelectorError Diagnose() =>
        _of is { FirstError: { } inner } ? inner
        : _of is { State: not ValidatorState.Data } ? _of.Diagnose()
        : _error ?? Unclosed();

    private bool OnInitial(SelectorToken token)
    {
        if (token.Kind == SelectorTokenKind.Whitespace)
        {
            return false;
        }

        if (token.DataIs("odd") || token.DataIs("even"))
        {
            _step = Step.BeforeOf;
            return false;
        }

        if (token.Kind == SelectorTokenKind.Delim && (token.Data == "+" || token.Data == "-"))
        {
            _step = Step.AfterInitialSign;
            return false;
        }

        return OnAfterInitialSign(token);
    }

    private bool OnAfterInitialSign(SelectorToken token)
    {
        if (token.Kind == SelectorTokenKind.Number)
        {
            return OnOffset(token);
        }

        if (token.Kind == SelectorTokenKind.Dimension)
        {
            var data = token.Data;
            if (!data.EndsWith("n", StringComparison.OrdinalIgnoreCase) || !IsInteger(data.Substring(0, data.Length - 1)))
            {
                Invalid(token, $"'{Owner.TextOf(token)}' is not a valid step in '{Name}': expected an integer before 'n', as in '2n+1'");
            }

            _step = Step.Offset;
            return false;
        }

        if (token.Kind == SelectorTokenKind.Ident && (token.DataIs("n") || (_step == Step.Initial && token.DataIs("-n"))))
        {
            _step = Step.Offset;
            return false;
        }

        Invalid(token, $"invalid argument of '{Name}': expected an+b, odd or even, as in '{Name.Substring(0, Name.Length - 1)}2n+1)', found '{Owner.TextOf(token)}'");
        return token.Kind == SelectorTokenKind.RoundBracketClose;
    }

    private bool OnOffset(SelectorToken token)
    {
        if (token.Kind == SelectorTokenKind.Whitespace)
        {
            _step = Step.AfterOffsetWhitespace;
            return false;
        }

        if (token.Kind == SelectorTokenKind.Number)
        {
            if (!IsInteger(token.Data))
            {
                Invalid(token, $"'{Owner.TextOf(token)}' in '{Name}' is not an integer");
            }

            _step = Step.BeforeOf;
            return false;
        }

        return OnBeforeOf(token);
    }

    private bool OnAfterOffsetWhitespace(SelectorToken token)
    {
        if (token.Kind == SelectorTokenKind.Whitespace)
        {
            return false;
        }

        if (token.Kind == SelectorTokenKind.Delim && (token.Data == "+" || token.Data == "-"))
        {
            _step = Step.AfterOffsetSign;
            return false;
        }

        _step = Step.Offset;
        return OnOffset(token);
    }

    private bool OnAfterOffsetSign(SelectorToken token)
    {
        if (token.Kind == SelectorTokenKind.Whitespace)
        {
            return false;
        }

        if (token.Kind == SelectorTokenKind.Number && !token.Data.StartsWith("+", StringComparison.Ordinal) && !token.Data.StartsWith("-", StringComparison.Ordinal))
        {
            return OnOffset(token);
        }

        Invalid(token, $"expected a number after the sign in '{Name}', found '{Owner.TextOf(token)}'");
        return OnBeforeOf(token);
    }

    private bool OnBeforeOf(SelectorToken token)
    {
        if (token.Kind == SelectorTokenKind.Whitespace)
        {
            return false;
        }

        if (token.DataIs("of"))
        {
            // AngleSharp resets its verdict here: whatever was wrong before 'of' no longer counts.
            _error = _allowOf ? null : Owner.At(token, $"'{Name}' does not take 'of <selector>'; only ':nth-child()' and ':nth-last-child()' do");
            _step = Step.AfterOf;
            _of = Owner.CreateChild(forgiving: false);
            return false;
        }

        if (token.Kind == SelectorTokenKind.RoundBracketClose)
        {
            return true;
        }

        Invalid(token, $"unexpected '{Owner.TextOf(token)}' in '{Name}': expected ')' or 'of <selector>'");
        return false;
    }

    private bool OnSelector(SelectorToken token)
    {
        if (token.Kind == SelectorTokenKind.RoundBracketClose && _of!.State == ValidatorState.Data)
        {
            return true;
        }

        _of!.Apply(token);
        return false;
    }

    private void Invalid(SelectorToken token, string message) => _error ??= Owner.At(token, message);

    private static bool IsInteger(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
}
