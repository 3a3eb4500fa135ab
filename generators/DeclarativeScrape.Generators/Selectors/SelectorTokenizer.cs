using System;
using System.Text;

namespace DeclarativeScrape.Generators.Selectors;

/// <summary>
/// Splits a selector into tokens exactly as AngleSharp 1.10's <c>CssTokenizer</c> does, quirks included (a number
/// swallows a following '.', <c>url(</c> is never valid, an unclosed string ends at a line feed or the end, U+FFFF
/// ends the input): the checker must agree with the parser that runs the selector, not with the CSS specification.
/// </summary>
/// <remarks>
/// The cursor moves like AngleSharp's <c>StringSource</c>: <see cref="Next"/> past the last character yields
/// <see cref="End"/> and stays there, <see cref="Back"/> from there returns to the last character. Recursion is
/// bounded so that hostile input (thousands of dots or comments) cannot overflow the compiler's stack.
/// </remarks>
internal sealed class SelectorTokenizer
{
    /// <summary>The end-of-input sentinel; a literal U+FFFF in the selector reads as the end too, as in AngleSharp.</summary>
    private const char End = '\uffff';

    private const int MaxRecursion = 512;

    private readonly string _text;
    private readonly int _last;
    private int _index;
    private char _current;
    private int _depth;

    public SelectorTokenizer(string text)
    {
        _text = text;
        _last = text.Length - 1;
        _current = text.Length == 0 ? End : text[0];
    }

    /// <summary>The next token; <see cref="SelectorTokenKind.EndOfFile"/> at the end, forever.</summary>
    public SelectorToken Next()
    {
        _depth = 0;
        return Data(_current);
    }

    private SelectorToken Data(char current)
    {
        if (++_depth > MaxRecursion)
        {
            // Only a chain of hundreds of '.' gets here: the token is invalid whatever follows.
            var start = _index;
            while (_current != End)
            {
                Advance();
            }

            return Make(SelectorTokenKind.Invalid, string.Empty, start);
        }

        // A loop, not recursion, for comments: any number of them may stand between two tokens.
        while (true)
        {
            var begin = _index;
            switch (current)
            {
                case '\t':
                case '\n':
                case '\f':
                case '\r':
                case ' ':
                    SkipSpaces();
                    return Make(SelectorTokenKind.Whitespace, " ", begin);

                case '#':
                    return HashStart(begin);

                case '.':
                    current = Advance();
                    if (IsDigit(current))
                    {
                        return NumberStart(Back(), begin);
                    }

                    var inner = Data(current);
                    return inner.Kind == SelectorTokenKind.Ident
                        ? Make(SelectorTokenKind.Class, inner.Data, begin)
                        : Make(SelectorTokenKind.Invalid, string.Empty, begin);

                case '*':
                    return MatchOrDelim('*', "*=", begin);

                case ',':
                    Advance();
                    return Make(SelectorTokenKind.Comma, ",", begin);

                case '>':
                    if (Advance() == '>')
                    {
                        if (Advance() == '>')
                        {
                            Advance();
                            return Make(SelectorTokenKind.Deep, ">>>", begin);
                        }

                        return Make(SelectorTokenKind.Descendant, ">>", begin);
                    }

                    return Make(SelectorTokenKind.Delim, ">", begin);

                case '-':
                {
                    var c1 = Advance();
                    if (c1 != End)
                    {
                        var c2 = Advance();
                        Back();
                        Back();
                        if (IsDigit(c1) || (c1 == '.' && IsDigit(c2)))
                        {
                            return NumberStart(current, begin);
                        }

                        if (IsNameStart(c1) || (c1 == '\\' && !IsLineBreak(c2) && c2 != End))
                        {
                            return IdentStart(current, begin);
                        }

                        if (c1 == '-' && c2 == '>')
                        {
                            Advance();
                            Advance();
                            return Make(SelectorTokenKind.Invalid, string.Empty, begin);
                        }

                        Advance();
                    }

                    return Make(SelectorTokenKind.Delim, "-", begin);
                }

                case '+':
                {
                    var c1 = Advance();
                    if (c1 != End)
                    {
                        var c2 = Advance();
                        Back();
                        if (IsDigit(c1) || (c1 == '.' && IsDigit(c2)))
                        {
                            Back();
                            return NumberStart(current, begin);
                        }
                    }

                    return Make(SelectorTokenKind.Delim, "+", begin);
                }

                case ':':
                    Advance();
                    return Make(SelectorTokenKind.Colon, ":", begin);

                case '0':
                case '1':
                case '2':
                case '3':
                case '4':
                case '5':
                case '6':
                case '7':
                case '8':
                case '9':
                    return NumberStart(current, begin);

                case '"':
                case '\'':
                    return QuotedString(current, begin);

                case 'U':
                case 'u':
                    current = Advance();
                    if (current == '+')
                    {
                        current = Advance();
                        if (IsHex(current) || current == '?')
                        {
                            return UnicodeRange(current, begin);
                        }

                        Back();
                    }

                    return IdentStart(Back(), begin);

                case '[':
                    Advance();
                    return Make(SelectorTokenKind.SquareBracketOpen, "[", begin);

                case ']':
                    Advance();
                    return Make(SelectorTokenKind.SquareBracketClose, "]", begin);

                case ')':
                    Advance();
                    return Make(SelectorTokenKind.RoundBracketClose, ")", begin);

                case '/':
                    if (Advance() == '*')
                    {
                        current = SkipComment();
                        continue;
                    }

                    return Make(SelectorTokenKind.Delim, "/", begin);

                case '\\':
                    current = Advance();
                    if (IsLineBreak(current) || current == End)
                    {
                        return Make(SelectorTokenKind.Delim, "\\", begin);
                    }

                    return IdentStart(Back(), begin);

                case '<':
                    if (Advance() == '!')
                    {
                        if (Advance() == '-')
                        {
                            if (Advance() == '-')
                            {
                                Advance();
                                return Make(SelectorTokenKind.Invalid, string.Empty, begin);
                            }

                            Back();
                        }

                        Back();
                    }

                    return Make(SelectorTokenKind.Delim, "<", begin);

                case '^':
                    return MatchOrDelim('^', "^=", begin);

                case End:
                    return Make(SelectorTokenKind.EndOfFile, string.Empty, begin);

                case '|':
                    current = Advance();
                    if (current == '=')
                    {
                        Advance();
                        return Make(SelectorTokenKind.Match, "|=", begin);
                    }

                    if (current == '|')
                    {
                        Advance();
                        return Make(SelectorTokenKind.Column, "||", begin);
                    }

                    return Make(SelectorTokenKind.Delim, "|", begin);

                case '$':
                    return MatchOrDelim('$', "$=", begin);

                case '~':
                    return MatchOrDelim('~', "~=", begin);

                case '!':
                    return MatchOrDelim('!', "!=", begin);

                case '@':
                    return AtKeywordStart(begin);

                case '(':
                case ';':
                case '{':
                case '}':
                    Advance();
                    return Make(SelectorTokenKind.Invalid, string.Empty, begin);

                default:
                    if (IsNameStart(current))
                    {
                        return IdentStart(current, begin);
                    }

                    Advance();
                    return Make(SelectorTokenKind.Delim, current.ToString(), begin);
            }
        }
    }

    private SelectorToken MatchOrDelim(char delim, string match, int begin)
    {
        if (Advance() == '=')
        {
            Advance();
            return Make(SelectorTokenKind.Match, match, begin);
        }

        return Make(SelectorTokenKind.Delim, delim.ToString(), begin);
    }

    private SelectorToken QuotedString(char quote, int begin)
    {
        var buffer = new StringBuilder();
        while (true)
        {
            var c = Advance();
            if (c == quote || c == End)
            {
                Advance();
                return Make(SelectorTokenKind.String, buffer.ToString(), begin);
            }

            switch (c)
            {
                case '\n':
                case '\f':
                    return Make(SelectorTokenKind.String, buffer.ToString(), begin);

                case '\\':
                    c = Advance();
                    if (IsLineBreak(c))
                    {
                        buffer.Append('\n');
                    }
                    else if (c != End)
                    {
                        Back();
                        buffer.Append(ConsumeEscape());
                    }
                    else
                    {
                        return Make(SelectorTokenKind.String, buffer.ToString(), begin);
                    }

                    break;

                default:
                    buffer.Append(c);
                    break;
            }
        }
    }

    private SelectorToken HashStart(int begin)
    {
        var c = Advance();
        var buffer = new StringBuilder();
        if (IsNameStart(c) || c == '-')
        {
            buffer.Append(c);
        }
        else if (IsValidEscape())
        {
            buffer.Append(ConsumeEscape());
        }
        else
        {
            return Make(SelectorTokenKind.Delim, "#", begin);
        }

        while (true)
        {
            c = Advance();
            if (IsName(c))
            {
                buffer.Append(c);
            }
            else if (IsValidEscape())
            {
                buffer.Append(ConsumeEscape());
            }
            else
            {
                return Make(SelectorTokenKind.Hash, buffer.ToString(), begin);
            }
        }
    }

    private SelectorToken AtKeywordStart(int begin)
    {
        var c = Advance();
        if (c == '-')
        {
            c = Advance();
            if (IsNameStart(c) || IsValidEscape())
            {
                return AtKeywordRest(c, begin);
            }

            Back();
            return Make(SelectorTokenKind.Delim, "@", begin);
        }

        if (IsNameStart(c))
        {
            return AtKeywordRest(Advance(), begin);
        }

        if (IsValidEscape())
        {
            ConsumeEscape();
            return AtKeywordRest(Advance(), begin);
        }

        return Make(SelectorTokenKind.Delim, "@", begin);
    }

    private SelectorToken AtKeywordRest(char current, int begin)
    {
        while (true)
        {
            if (!IsName(current))
            {
                if (!IsValidEscape())
                {
                    return Make(SelectorTokenKind.Invalid, string.Empty, begin);
                }

                ConsumeEscape();
            }

            current = Advance();
        }
    }

    private SelectorToken IdentStart(char current, int begin)
    {
        var buffer = new StringBuilder();
        if (current == '-')
        {
            current = Advance();
            if (IsNameStart(current) || IsValidEscape())
            {
                buffer.Append('-');
                return IdentRest(current, buffer, begin);
            }

            return Make(SelectorTokenKind.Delim, "-", begin);
        }

        if (IsNameStart(current))
        {
            buffer.Append(current);
            return IdentRest(Advance(), buffer, begin);
        }

        if (current == '\\' && IsValidEscape())
        {
            buffer.Append(ConsumeEscape());
            return IdentRest(Advance(), buffer, begin);
        }

        return Data(current);
    }

    private SelectorToken IdentRest(char current, StringBuilder buffer, int begin)
    {
        while (true)
        {
            if (IsName(current))
            {
                buffer.Append(current);
            }
            else if (IsValidEscape())
            {
                buffer.Append(ConsumeEscape());
            }
            else
            {
                break;
            }

            current = Advance();
        }

        var name = buffer.ToString();
        if (current != '(')
        {
            return Make(SelectorTokenKind.Ident, name, begin);
        }

        if (string.Equals(name, "url", StringComparison.OrdinalIgnoreCase))
        {
            return Url(begin);
        }

        Advance();
        return Make(SelectorTokenKind.Function, name, begin);
    }

    private SelectorToken NumberStart(char current, int begin)
    {
        var buffer = new StringBuilder();
        if (current == '+' || current == '-')
        {
            buffer.Append(current);
            current = Advance();
            if (current == '.')
            {
                buffer.Append(current).Append(Advance());
                return NumberFraction(buffer, begin);
            }

            buffer.Append(current);
            return NumberRest(buffer, begin);
        }

        if (current == '.')
        {
            buffer.Append(current).Append(Advance());
            return NumberFraction(buffer, begin);
        }

        buffer.Append(current);
        return NumberRest(buffer, begin);
    }

    private SelectorToken NumberRest(StringBuilder buffer, int begin)
    {
        var c = Advance();
        while (IsDigit(c))
        {
            buffer.Append(c);
            c = Advance();
        }

        if (TryStartDimension(c, buffer))
        {
            return Dimension(buffer, begin);
        }

        switch (c)
        {
            case '.':
                // A '.' after a number is consumed even when no digit follows: "1.a" is the number 1 and then "a".
                c = Advance();
                if (IsDigit(c))
                {
                    buffer.Append('.').Append(c);
                    return NumberFraction(buffer, begin);
                }

                return Make(SelectorTokenKind.Number, buffer.ToString(), begin);

            case '%':
                Advance();
                return Make(SelectorTokenKind.Dimension, buffer.Append('%').ToString(), begin);

            case '-':
                return NumberDash(buffer, begin);

            default:
                return Make(SelectorTokenKind.Number, buffer.ToString(), begin);
        }
    }

    private SelectorToken NumberFraction(StringBuilder buffer, int begin)
    {
        var c = Advance();
        while (IsDigit(c))
        {
            buffer.Append(c);
            c = Advance();
        }

        if (TryStartDimension(c, buffer))
        {
            return Dimension(buffer, begin);
        }

        switch (c)
        {
            case '%':
                Advance();
                return Make(SelectorTokenKind.Dimension, buffer.Append('%').ToString(), begin);

            case '-':
                return NumberDash(buffer, begin);

            default:
                return Make(SelectorTokenKind.Number, buffer.ToString(), begin);
        }
    }

    /// <summary>A name start or an escape after the digits starts a unit (an 'e' too: AngleSharp checks the name first).</summary>
    private bool TryStartDimension(char c, StringBuilder buffer)
    {
        if (IsNameStart(c))
        {
            buffer.Append(c);
            return true;
        }

        if (IsValidEscape())
        {
            buffer.Append(ConsumeEscape());
            return true;
        }

        return false;
    }

    private SelectorToken NumberDash(StringBuilder buffer, int begin)
    {
        var c = Advance();
        if (IsNameStart(c))
        {
            buffer.Append('-').Append(c);
            return Dimension(buffer, begin);
        }

        if (IsValidEscape())
        {
            buffer.Append('-').Append(ConsumeEscape());
            return Dimension(buffer, begin);
        }

        Back();
        return Make(SelectorTokenKind.Number, buffer.ToString(), begin);
    }

    private SelectorToken Dimension(StringBuilder buffer, int begin)
    {
        while (true)
        {
            var c = Advance();
            if (IsLetter(c))
            {
                buffer.Append(c);
            }
            else if (IsValidEscape())
            {
                buffer.Append(ConsumeEscape());
            }
            else
            {
                return Make(SelectorTokenKind.Dimension, buffer.ToString(), begin);
            }
        }
    }

    /// <summary><c>url(</c>: never valid in a selector, but how much it consumes decides where the next token starts.</summary>
    private SelectorToken Url(int begin)
    {
        var c = SkipSpaces();
        switch (c)
        {
            case End:
                break;

            case '"':
            case '\'':
                UrlQuoted(c);
                break;

            case ')':
                Advance();
                break;

            default:
                UrlUnquoted(c);
                break;
        }

        return Make(SelectorTokenKind.Invalid, string.Empty, begin);
    }

    private void UrlQuoted(char quote)
    {
        while (true)
        {
            var c = Advance();
            if (IsLineBreak(c))
            {
                UrlBad();
                return;
            }

            if (c == End)
            {
                return;
            }

            if (c == quote)
            {
                UrlEnd();
                return;
            }

            if (c == '\\')
            {
                c = Advance();
                if (c == End)
                {
                    return;
                }

                if (!IsLineBreak(c))
                {
                    Back();
                    ConsumeEscape();
                }
            }
        }
    }

    private void UrlUnquoted(char current)
    {
        while (true)
        {
            if (IsSpace(current))
            {
                UrlEnd();
                return;
            }

            if (current == ')' || current == End)
            {
                Advance();
                return;
            }

            if (current == '"' || current == '\'' || current == '(' || IsNonPrintable(current) || current != '\\' || !IsValidEscape())
            {
                UrlBad();
                return;
            }

            ConsumeEscape();
            current = Advance();
        }
    }

    private void UrlEnd()
    {
        char c;
        do
        {
            c = Advance();
            if (c == ')')
            {
                Advance();
                return;
            }
        }
        while (IsSpace(c));

        Back();
        UrlBad();
    }

    private void UrlBad()
    {
        // AngleSharp's bad-url recovery, its curly-bracket counter included (it only counts when it already is 123).
        var c = _current;
        var curly = 0;
        var round = 1;
        while (c != End)
        {
            if (c == ';')
            {
                return;
            }

            if (c == '}' && --curly == -1)
            {
                return;
            }

            if (c == ')' && --round == 0)
            {
                return;
            }

            if (IsValidEscape())
            {
                ConsumeEscape();
            }
            else if (c == '(')
            {
                round++;
            }
            else if (curly == '{')
            {
                curly++;
            }

            c = Advance();
        }
    }

    private SelectorToken UnicodeRange(char current, int begin)
    {
        var count = 0;
        for (var i = 0; i < 6 && IsHex(current); i++)
        {
            count++;
            current = Advance();
        }

        if (count != 6)
        {
            for (var i = 0; i < 6 - count; i++)
            {
                if (current != '?')
                {
                    Back();
                    break;
                }

                current = Advance();
            }
        }
        else if (current == '-')
        {
            current = Advance();
            if (IsHex(current))
            {
                for (var i = 0; i < 6; i++)
                {
                    if (!IsHex(current))
                    {
                        Back();
                        break;
                    }

                    current = Advance();
                }
            }
            else
            {
                Back();
            }
        }

        return Make(SelectorTokenKind.Invalid, string.Empty, begin);
    }

    private char SkipComment()
    {
        var c = Advance();
        while (c != End)
        {
            if (c == '*')
            {
                c = Advance();
                if (c == '/')
                {
                    return Advance();
                }
            }
            else
            {
                c = Advance();
            }
        }

        return c;
    }

    private string ConsumeEscape()
    {
        var c = Advance();
        if (!IsHex(c))
        {
            return c.ToString();
        }

        var code = 0;
        var length = 0;
        while (length < 6 && IsHex(c))
        {
            code = (code * 16) + HexValue(c);
            length++;
            c = Advance();
        }

        if (!IsSpace(c))
        {
            Back();
        }

        return code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(code);
    }

    private bool IsValidEscape()
    {
        if (_current != '\\')
        {
            return false;
        }

        var next = Peek();
        return next != End && !IsLineBreak(next);
    }

    private char SkipSpaces()
    {
        var c = _current;
        while (IsSpace(c))
        {
            c = Advance();
        }

        return c;
    }

    private char Advance()
    {
        if (_index == _last)
        {
            _current = End;
            _index = _text.Length;
        }
        else if (_index < _text.Length)
        {
            _current = _text[++_index];
        }

        return _current;
    }

    private char Back()
    {
        if (_index > 0)
        {
            _current = _text[--_index];
        }

        return _current;
    }

    private char Peek()
    {
        var next = Advance();
        Back();
        return next;
    }

    private SelectorToken Make(SelectorTokenKind kind, string data, int begin) =>
        new(kind, data, Math.Min(begin, _text.Length), Math.Min(Math.Max(_index, begin), _text.Length));

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsHex(char c) => IsDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');

    private static int HexValue(char c) => IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private static bool IsNonAscii(char c) => c != End && c >= 0x80;

    private static bool IsNameStart(char c) => IsNonAscii(c) || IsLetter(c) || c == '_';

    private static bool IsName(char c) => IsNameStart(c) || c == '-' || IsDigit(c);

    private static bool IsLineBreak(char c) => c == '\n' || c == '\r';

    private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';

    private static bool IsNonPrintable(char c) => c <= '\b' || (c >= '\u000e' && c <= '\u001f') || (c >= '\u007f' && c <= '\u009f');
}
