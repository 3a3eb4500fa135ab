using System.Collections.Generic;

namespace DeclarativeScrape.Generators.Selectors;

/// <summary>
/// Runs the state machine of AngleSharp 1.10's <c>CssSelectorConstructor</c> over tokens, keeping only what decides
/// validity (is there a compound so far, which combinators are pending, which state) and the first error with its
/// place. One instance per selector list: the top level, or the argument of <c>:not()</c>, <c>:is()</c>, …
/// </summary>
internal sealed class SelectorValidator
{
    /// <summary>AngleSharp refuses to open a functional pseudo-class in a list this deep.</summary>
    private const int MaxNestingDepth = 75;

    private readonly string _text;
    private readonly List<SelectorToken> _combinators = new();
    private readonly bool _forgiving;
    private readonly int _depth;

    private bool _hasCompound;
    private bool _valid = true;
    private bool _ready = true;
    private bool _invoked;
    private bool _caseFlagSeen;
    private SelectorToken _opening;
    private SelectorToken _separator;
    private string _attributeOperator = string.Empty;
    private SelectorFunction? _function;

    public SelectorValidator(string text, bool forgiving, int depth, bool invoked)
    {
        _text = text;
        _forgiving = forgiving;
        _depth = depth;
        _invoked = invoked;
    }

    public ValidatorState State { get; private set; }

    /// <summary>Whether this is the argument of <c>:not()</c>: no pseudo-element, no <c>:not()</c> directly inside.</summary>
    public bool InsideNot { get; set; }

    public bool IsValid => _invoked && _valid && _ready;

    /// <summary>The first thing found wrong, if any.</summary>
    public SelectorError? FirstError { get; private set; }

    public SelectorValidator CreateChild(bool forgiving) => new(_text, forgiving, _depth + 1, invoked: true);

    /// <summary>Why the selector is not valid: the first error, else what the input ended in the middle of.</summary>
    public SelectorError Diagnose()
    {
        if (FirstError is { } error)
        {
            return error;
        }

        if (!_invoked)
        {
            return new SelectorError("the selector is empty", 0, _text.Length);
        }

        switch (State)
        {
            case ValidatorState.Function:
                return _function!.Diagnose();

            case ValidatorState.Attribute:
            case ValidatorState.AttributeOperator:
            case ValidatorState.AttributeValue:
            case ValidatorState.AttributeEnd:
                return At(_opening, "unclosed attribute selector '[': expected ']'");

            case ValidatorState.PseudoClass:
                return At(_opening, "expected a pseudo-class name after ':'");

            case ValidatorState.PseudoElement:
                return At(_opening, "expected a pseudo-element name after '::'");
        }

        return _separator.Kind switch
        {
            SelectorTokenKind.Comma => At(_separator, "expected a selector after ','"),
            SelectorTokenKind.Delim when _separator.Data == "|" => At(_separator, "expected an element name after the namespace separator '|'"),
            _ => At(_separator, $"expected a selector after combinator '{TextOf(_separator)}'"),
        };
    }

    public void Apply(SelectorToken token)
    {
        _invoked = true;
        switch (State)
        {
            case ValidatorState.Data:
                OnData(token);
                break;
            case ValidatorState.Attribute:
                OnAttribute(token);
                break;
            case ValidatorState.AttributeOperator:
                OnAttributeOperator(token);
                break;
            case ValidatorState.AttributeValue:
                OnAttributeValue(token);
                break;
            case ValidatorState.AttributeEnd:
                OnAttributeEnd(token);
                break;
            case ValidatorState.PseudoClass:
                OnPseudoClass(token);
                break;
            case ValidatorState.PseudoElement:
                OnPseudoElement(token);
                break;
            case ValidatorState.Function:
                OnFunction(token);
                break;
        }
    }

    /// <summary>Adds a compound part (type, class, id, attribute, pseudo-class, …) as AngleSharp's <c>Insert(ISelector)</c>.</summary>
    public void InsertSelector()
    {
        if (_hasCompound && _combinators.Count > 0)
        {
            CheckCombinators();
        }
        else if (!_hasCompound)
        {
            _combinators.Clear();
        }

        _hasCompound = true;
    }

    public string TextOf(SelectorToken token) =>
        token.Start < _text.Length ? _text.Substring(token.Start, System.Math.Min(token.Length, _text.Length - token.Start)) : string.Empty;

    public SelectorError At(SelectorToken token, string message)
    {
        if (_text.Length == 0)
        {
            return new SelectorError(message, 0, 0);
        }

        var offset = System.Math.Min(token.Start, _text.Length - 1);
        return new SelectorError(message, offset, System.Math.Max(1, System.Math.Min(token.Length, _text.Length - offset)));
    }

    private void OnData(SelectorToken token)
    {
        switch (token.Kind)
        {
            case SelectorTokenKind.SquareBracketOpen:
                _attributeOperator = string.Empty;
                _caseFlagSeen = false;
                _opening = token;
                State = ValidatorState.Attribute;
                _ready = false;
                break;

            case SelectorTokenKind.Colon:
                _opening = token;
                State = ValidatorState.PseudoClass;
                _ready = false;
                break;

            case SelectorTokenKind.Hash:
            case SelectorTokenKind.Class:
            case SelectorTokenKind.Ident:
                InsertSelector();
                _ready = true;
                break;

            case SelectorTokenKind.Whitespace:
                _combinators.Add(token);
                break;

            case SelectorTokenKind.Delim:
                OnDelim(token);
                break;

            case SelectorTokenKind.Comma:
                _hasCompound = false;
                _separator = token;
                _ready = false;
                break;

            case SelectorTokenKind.Column:
            case SelectorTokenKind.Descendant:
            case SelectorTokenKind.Deep:
                _combinators.Add(token);
                _separator = token;
                _ready = false;
                break;

            default:
                Fail(token, Unexpected(token));
                break;
        }
    }

    private void OnDelim(SelectorToken token)
    {
        switch (token.Data[0])
        {
            case '>':
            case '+':
            case '~':
                _combinators.Add(token);
                _separator = token;
                _ready = false;
                break;

            case '*':
            case '&':
                InsertSelector();
                _ready = true;
                break;

            case '|':
                // "a |b": the space before '|' stands for an empty element name in no namespace.
                if (_combinators.Count > 0 && IsDescendant(_combinators[_combinators.Count - 1]))
                {
                    InsertSelector();
                }

                _combinators.Add(token);
                _separator = token;
                _ready = false;
                break;

            default:
                Fail(token, Unexpected(token));
                break;
        }
    }

    /// <summary>AngleSharp's <c>GetCombinator</c>: white space around one combinator is fine, two combinators are not.</summary>
    private void CheckCombinators()
    {
        var count = _combinators.Count;
        while (count > 1 && IsDescendant(_combinators[count - 1]))
        {
            count--;
        }

        if (count > 1)
        {
            var last = _combinators[count - 1];
            for (var i = 0; i < count - 1; i++)
            {
                if (!IsDescendant(_combinators[i]))
                {
                    Fail(last, $"two combinators in a row: '{TextOf(_combinators[i])}' and '{TextOf(last)}'");
                    break;
                }
            }
        }

        _combinators.Clear();
    }

    private void OnAttribute(SelectorToken token)
    {
        switch (token.Kind)
        {
            case SelectorTokenKind.Whitespace:
                break;

            case SelectorTokenKind.Ident:
            case SelectorTokenKind.String:
            case SelectorTokenKind.Delim when token.Data == "*":
                State = ValidatorState.AttributeOperator;
                break;

            case SelectorTokenKind.Delim when token.Data == "|":
                break;

            default:
                State = ValidatorState.Data;
                Fail(token, $"expected an attribute name after '[', found '{TextOf(token)}'");
                break;
        }
    }

    private void OnAttributeOperator(SelectorToken token)
    {
        switch (token.Kind)
        {
            case SelectorTokenKind.Whitespace:
                break;

            case SelectorTokenKind.SquareBracketClose:
                State = ValidatorState.AttributeValue;
                OnAttributeEnd(token);
                break;

            case SelectorTokenKind.Match:
            case SelectorTokenKind.Delim:
                // Any delimiter is taken as an operator (an unknown one tests for presence); '|' separates a namespace.
                _attributeOperator = token.Data;
                State = token.Data == "|" ? ValidatorState.Attribute : ValidatorState.AttributeValue;
                break;

            default:
                State = ValidatorState.AttributeEnd;
                Fail(token, $"expected an attribute operator (=, ~=, |=, ^=, $=, *=) or ']' after the attribute name, found '{TextOf(token)}'");
                break;
        }
    }

    private void OnAttributeValue(SelectorToken token)
    {
        switch (token.Kind)
        {
            case SelectorTokenKind.Whitespace:
                break;

            case SelectorTokenKind.Ident:
            case SelectorTokenKind.String:
            case SelectorTokenKind.Number:
                State = ValidatorState.AttributeEnd;
                break;

            default:
                State = ValidatorState.Data;
                Fail(token, $"expected an attribute value after '{_attributeOperator}' (quote it if it is not a plain word), found '{TextOf(token)}'");
                break;
        }
    }

    private void OnAttributeEnd(SelectorToken token)
    {
        if (!_caseFlagSeen && token.Kind == SelectorTokenKind.Ident && (token.DataIs("i") || token.DataIs("s")))
        {
            _caseFlagSeen = true;
            return;
        }

        if (token.Kind == SelectorTokenKind.Whitespace)
        {
            return;
        }

        State = ValidatorState.Data;
        _ready = true;
        if (token.Kind == SelectorTokenKind.SquareBracketClose)
        {
            InsertSelector();
        }
        else
        {
            Fail(token, $"expected ']' to close the attribute selector opened at {_opening.Start + 1}, found '{TextOf(token)}'");
        }
    }

    private void OnPseudoClass(SelectorToken token)
    {
        State = ValidatorState.Data;
        _ready = true;
        switch (token.Kind)
        {
            case SelectorTokenKind.Colon:
                State = ValidatorState.PseudoElement;
                return;

            case SelectorTokenKind.Function:
                if (SelectorNames.PseudoClassFunctions.TryGetValue(token.Data, out var kind))
                {
                    OpenFunction(token, kind, ":");
                    return;
                }

                if (!_forgiving)
                {
                    Fail(Span(_opening, token), $"unknown pseudo-class ':{token.Data}()'{Hint(token.Data, function: true)}");
                }

                return;

            case SelectorTokenKind.Ident:
                if (SelectorNames.PseudoClasses.Contains(token.Data))
                {
                    InsertSelector();
                    return;
                }

                if (!_forgiving)
                {
                    Fail(Span(_opening, token), $"unknown pseudo-class ':{token.Data}'{Hint(token.Data, function: false)}");
                }

                return;

            default:
                Fail(token, $"expected a pseudo-class name after ':', found '{TextOf(token)}'");
                return;
        }
    }

    private void OnPseudoElement(SelectorToken token)
    {
        State = ValidatorState.Data;
        _ready = true;
        switch (token.Kind)
        {
            case SelectorTokenKind.Ident when SelectorNames.PseudoElements.Contains(token.Data):
                if (InsideNot)
                {
                    Fail(Span(_opening, token), $"pseudo-element '::{token.Data}' is not allowed inside ':not()'");
                }

                InsertSelector();
                return;

            case SelectorTokenKind.Ident:
                Fail(Span(_opening, token), $"unknown pseudo-element '::{token.Data}'");
                return;

            case SelectorTokenKind.Function:
                if (SelectorNames.PseudoElementFunctions.TryGetValue(token.Data, out var kind))
                {
                    OpenFunction(token, kind, "::");
                    return;
                }

                if (!_forgiving)
                {
                    Fail(Span(_opening, token), $"unknown pseudo-element '::{token.Data}()'");
                }

                return;

            default:
                Fail(token, $"expected a pseudo-element name after '::', found '{TextOf(token)}'");
                return;
        }
    }

    private void OpenFunction(SelectorToken token, SelectorFunctionKind kind, string prefix)
    {
        if (_depth >= MaxNestingDepth)
        {
            Fail(token, $"selector nested too deeply: at most {MaxNestingDepth} levels of functional pseudo-classes");
            return;
        }

        State = ValidatorState.Function;
        _function = SelectorFunction.Create(kind, this, Span(_opening, token), prefix + token.Data + "()");
        _ready = false;
    }

    private void OnFunction(SelectorToken token)
    {
        var function = _function!;
        if (!function.Accept(token))
        {
            return;
        }

        _function = null;
        State = ValidatorState.Data;
        _ready = true;
        if (!function.TryComplete(out var error))
        {
            Fail(token, error);
        }
        else if (InsideNot && function.IsNot)
        {
            Fail(function.Opening, "':not()' cannot be nested directly inside ':not()'; write ':not(a, b)' instead");
        }
        else
        {
            InsertSelector();
        }
    }

    private void Fail(SelectorToken token, string message) => Fail(token, At(token, message));

    private void Fail(SelectorToken token, SelectorError error)
    {
        _valid = false;
        FirstError ??= error;
    }

    /// <summary>White space and '>>' are both the descendant combinator.</summary>
    private static bool IsDescendant(SelectorToken combinator) =>
        combinator.Kind is SelectorTokenKind.Whitespace or SelectorTokenKind.Descendant;

    private static SelectorToken Span(SelectorToken from, SelectorToken to) => new(to.Kind, to.Data, from.Start, to.End);

    private string Unexpected(SelectorToken token)
    {
        var text = TextOf(token);
        return token.Kind switch
        {
            SelectorTokenKind.Invalid when text.StartsWith("url(", System.StringComparison.OrdinalIgnoreCase) => "url() is not allowed in a selector",
            SelectorTokenKind.Invalid when text.StartsWith("@", System.StringComparison.Ordinal) => $"at-keyword '{text}' is not allowed in a selector",
            SelectorTokenKind.Invalid when text.StartsWith(".", System.StringComparison.Ordinal) => $"expected a class name after '.', found '{text}'",
            SelectorTokenKind.Invalid when text == "(" => "unexpected '(': only a pseudo-class such as ':not(' opens a parenthesis",
            SelectorTokenKind.String => $"unexpected string {text}: attribute values go inside [ ], as in [title={text}]",
            SelectorTokenKind.Number or SelectorTokenKind.Dimension => $"unexpected number '{text}': a name cannot start with a digit (escape it, as in '#\\31 23')",
            SelectorTokenKind.Function => $"unexpected '{text}': only pseudo-classes take arguments, as in ':not(...)'",
            SelectorTokenKind.Delim when text == "#" => "expected an id after '#' (one that starts with a digit must be escaped, as in '#\\31 23')",
            SelectorTokenKind.Match => $"attribute operator '{text}' outside an attribute selector [ ]",
            SelectorTokenKind.RoundBracketClose => "unbalanced ')'",
            SelectorTokenKind.SquareBracketClose => "unbalanced ']'",
            _ => $"unexpected '{text}'",
        };
    }

    private static string Hint(string name, bool function)
    {
        if (!function && SelectorNames.PseudoClassFunctions.ContainsKey(name))
        {
            return $": it takes an argument, as in ':{name}(...)'";
        }

        if (function && SelectorNames.PseudoClasses.Contains(name))
        {
            return $": it takes no argument, write ':{name}'";
        }

        if (!function && SelectorNames.PseudoElements.Contains(name))
        {
            return $": it is a pseudo-element, write '::{name}'";
        }

        return string.Empty;
    }
}
