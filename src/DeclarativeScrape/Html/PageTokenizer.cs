using System.Buffers;
using System.Runtime.CompilerServices;

namespace DeclarativeScrape;

/// <summary>
/// The HTML tokenizer of the compact parser: a page's decoded text into tokens, as AngleSharp 1.10's tokenizer cuts it
/// (the same token boundaries, character references, attribute rules and end-tag rules in raw text, quirks included),
/// pulled one token at a time by <see cref="PageTreeBuilder"/>. Comments, processing instructions and bogus comments
/// are <see cref="TokenKind.Comment"/> tokens without text (the extraction parser keeps them as empty comment nodes; they end a run
/// of text). Attributes are kept only when <see cref="AttributeFilter"/> keeps them, and their values are decoded then.
/// </summary>
/// <remarks>
/// The text has no carriage return (<see cref="PageParser"/> normalises line ends first, as AngleSharp's reader does)
/// and no U+0000 or U+FFFF (the page falls back). The end of the text is read as U+FFFF, as AngleSharp reads it.
/// </remarks>
internal sealed class PageTokenizer
{
    private const char EndOfText = '\uffff';

    private static readonly SearchValues<char> DataStops = SearchValues.Create("<&");
    private static readonly SearchValues<char> NameStops = SearchValues.Create("\t\n\f />ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    private static readonly SearchValues<char> AttributeNameStops = SearchValues.Create("\t\n\f />=ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private readonly NameTable _names;
    private readonly CharBuffer _text = new(4096);
    private readonly CharBuffer _values = new(1024);
    private readonly CharBuffer _nameChars = new(64);
    private readonly char[] _referenceBuffer = new char[32];
    private TokenAttribute[] _attributes = new TokenAttribute[16];
    private ReadOnlyMemory<char> _input;
    private int _position;
    private bool _textInScratch;
    private int _textStart;
    private int _textLength;
    private string _lastStartTag = string.Empty;

    public PageTokenizer(NameTable names) => _names = names;

    /// <summary>How the next tokens are read (the tree builder switches it after the start tag of a raw-text element).</summary>
    public TextState State { get; set; }

    /// <summary>The attributes a page type reads, or <see langword="null"/> to keep every attribute.</summary>
    public AttributeFilter? Filter { get; set; }

    /// <summary>The name id of the last tag token.</summary>
    public int TagName { get; private set; }

    /// <summary>Whether the last tag token ended with <c>/&gt;</c>.</summary>
    public bool SelfClosing { get; private set; }

    /// <summary>The number of attributes the last start tag kept (<see cref="Attribute"/>).</summary>
    public int AttributeCount { get; private set; }

    /// <summary>The quirks mode the last DOCTYPE token asks for.</summary>
    public DoctypeQuirks Quirks { get; private set; }

    /// <summary>Set when the text holds something the tokenizer does not reproduce (the page falls back).</summary>
    public TreeFallback Fallback { get; private set; }

    /// <summary>The text of the last character token.</summary>
    public ReadOnlySpan<char> Text =>
        _textInScratch ? _text.Span.Slice(_textStart, _textLength) : _input.Span.Slice(_textStart, _textLength);

    /// <summary>The kept attribute at <paramref name="index"/> of the last start tag.</summary>
    public ref readonly TokenAttribute Attribute(int index) => ref _attributes[index];

    /// <summary>The value of a kept attribute.</summary>
    public ReadOnlySpan<char> Value(in TokenAttribute attribute) =>
        attribute.InScratch ? _values.Span.Slice(attribute.Start, attribute.Length) : _input.Span.Slice(attribute.Start, attribute.Length);

    /// <summary>The value of the kept attribute named <paramref name="name"/>, or <see langword="null"/>-like default.</summary>
    public bool TryGetValue(int name, out ReadOnlySpan<char> value)
    {
        for (var i = 0; i < AttributeCount; i++)
        {
            if (_attributes[i].Name == name)
            {
                value = Value(_attributes[i]);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Starts on a new text (no carriage return, no U+0000 or U+FFFF).</summary>
    public void Reset(ReadOnlyMemory<char> input)
    {
        _input = input;
        _position = 0;
        State = TextState.Data;
        Fallback = TreeFallback.None;
        Quirks = DoctypeQuirks.Off;
        _lastStartTag = string.Empty;
        _text.Clear();
        _values.Clear();
        AttributeCount = 0;
    }

    /// <summary>Reads the next token.</summary>
    public TokenKind Next()
    {
        var s = _input.Span;
        return State switch
        {
            TextState.RcData => ReadRawText(s, decodeReferences: true),
            TextState.RawText => ReadRawText(s, decodeReferences: false),
            TextState.ScriptData => ReadScript(s),
            TextState.PlainText => ReadPlainText(s),
            _ => ReadData(s),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char At(ReadOnlySpan<char> s, int index) => (uint)index < (uint)s.Length ? s[index] : EndOfText;

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private static bool IsAsciiLetter(char c) => char.IsAsciiLetter(c);

    // AngleSharp's IsName: a character reference name may hold these.
    private static bool IsNameCharacter(char c) => (c >= '\u0080' && c != EndOfText) || char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private TokenKind ReadData(ReadOnlySpan<char> s)
    {
        while (true)
        {
            var c = At(s, _position);
            if (c == EndOfText)
            {
                return TokenKind.EndOfFile;
            }

            if (c != '<')
            {
                return DataText(s, _position, prefix: false);
            }

            var next = At(s, _position + 1);
            if (next == '/')
            {
                var afterSlash = At(s, _position + 2);
                if (IsAsciiLetter(afterSlash))
                {
                    return Tag(s, _position + 2, TokenKind.EndTag);
                }

                if (afterSlash == '>')
                {
                    // "</>" is dropped and the data goes on in the same token call.
                    _position += 3;
                    continue;
                }

                if (afterSlash == EndOfText)
                {
                    _position += 2;
                    return SourceText(_position - 2, 2);
                }

                return BogusComment(s, _position + 2);
            }

            if (IsAsciiLetter(next))
            {
                return Tag(s, _position + 1, TokenKind.StartTag);
            }

            if (next == '!')
            {
                return MarkupDeclaration(s, _position + 2);
            }

            if (next == '?')
            {
                return BogusComment(s, _position + 1);
            }

            // A '<' that opens nothing: text, in a token of its own that runs on to the next '<'.
            return DataText(s, _position + 1, prefix: true);
        }
    }

    // A run of data up to the next '<' (or the end), with its character references decoded; with prefix, a '<' went before it.
    private TokenKind DataText(ReadOnlySpan<char> s, int start, bool prefix)
    {
        var tokenStart = prefix ? start - 1 : start;
        var i = start;
        var decoding = false;
        while (true)
        {
            var rest = s[i..];
            var stop = rest.IndexOfAny(DataStops);
            var end = stop < 0 ? s.Length : i + stop;
            if (stop < 0 || s[end] == '<')
            {
                _position = end;
                if (!decoding)
                {
                    return SourceText(tokenStart, end - tokenStart);
                }

                _text.Append(s[i..end]);
                return ScratchText();
            }

            // A '&': from here on the token is built in the scratch buffer.
            if (!decoding)
            {
                decoding = true;
                BeginScratchText();
                _text.Append(s[tokenStart..end]);
            }
            else
            {
                _text.Append(s[i..end]);
            }

            i = AppendReference(s, end, '\0', _text);
        }
    }

    private TokenKind SourceText(int start, int length)
    {
        _textInScratch = false;
        _textStart = start;
        _textLength = length;
        return TokenKind.Character;
    }

    private void BeginScratchText()
    {
        _text.Clear();
        _textInScratch = true;
        _textStart = 0;
    }

    private TokenKind ScratchText()
    {
        _textLength = _text.Count;
        return TokenKind.Character;
    }

    // A character reference at s[amp] == '&', decoded as AngleSharp 1.10 decodes it into output; returns where reading
    // resumes. allowed is the character that keeps a '&' literal (the quote of an attribute value, '>' unquoted).
    private int AppendReference(ReadOnlySpan<char> s, int amp, char allowed, CharBuffer output)
    {
        var c = At(s, amp + 1);
        if (IsSpace(c) || c == '<' || c == EndOfText || c == '&' || (allowed != '\0' && c == allowed))
        {
            output.Append('&');
            return amp + 1;
        }

        return c == '#' ? AppendNumericReference(s, amp, output) : AppendNamedReference(s, amp, allowed, output);
    }

    private static int AppendNumericReference(ReadOnlySpan<char> s, int amp, CharBuffer output)
    {
        var hex = At(s, amp + 2) is 'x' or 'X';
        var first = hex ? amp + 3 : amp + 2;
        var end = first;
        while (hex ? char.IsAsciiHexDigit(At(s, end)) : char.IsAsciiDigit(At(s, end)))
        {
            end++;
        }

        if (end == first)
        {
            output.Append('&');
            return amp + 1;
        }

        // AngleSharp's arithmetic, overflow included: digits weighted from the last one, in wrapping Int32.
        var number = 0;
        var weight = 1;
        unchecked
        {
            for (var i = end - 1; i >= first; i--)
            {
                number += HexValue(s[i]) * weight;
                weight *= hex ? 16 : 10;
            }
        }

        CharacterReferences.AppendNumber(number, output);
        return At(s, end) == ';' ? end + 1 : end;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    // AngleSharp's lookup: the run of name characters (at most 31), with its ';' if one follows, else its longest prefix
    // without ';'. In an attribute a match without ';' followed by '=' or a letter or digit stays literal.
    private int AppendNamedReference(ReadOnlySpan<char> s, int amp, char allowed, CharBuffer output)
    {
        var buffer = _referenceBuffer;
        var length = 0;
        var c = At(s, amp + 1);
        while (c != ';' && IsNameCharacter(c))
        {
            buffer[length++] = c;
            c = At(s, amp + 1 + length);
            if (c == EndOfText || length >= 31)
            {
                break;
            }
        }

        string? symbol = null;
        var current = amp + 1 + length;
        if (c == ';')
        {
            buffer[length] = ';';
            symbol = CharacterReferences.Lookup(buffer.AsMemory(0, length + 1));
        }

        for (var k = length; symbol is null && k > 0; k--)
        {
            symbol = CharacterReferences.Lookup(buffer.AsMemory(0, k));
            if (symbol is null)
            {
                current--;
            }
        }

        c = At(s, current);
        int resume;
        if (c != ';')
        {
            if (allowed != '\0' && (c == '=' || char.IsAsciiLetterOrDigit(c)))
            {
                output.Append('&');
                return amp + 1;
            }

            resume = current;
        }
        else
        {
            resume = current + 1;
        }

        if (symbol is null)
        {
            output.Append('&');
        }
        else
        {
            output.Append(symbol);
        }

        return resume;
    }

    // "<!": a comment, a DOCTYPE, or a bogus comment. at is the character after "<!".
    private TokenKind MarkupDeclaration(ReadOnlySpan<char> s, int at)
    {
        if (At(s, at) == '-' && At(s, at + 1) == '-')
        {
            _position = CommentEnd(s, at + 2);
            return TokenKind.Comment;
        }

        if (s.Length - at >= 7 && s.Slice(at, 7).Equals("doctype", StringComparison.OrdinalIgnoreCase))
        {
            return Doctype(s, at + 7);
        }

        return BogusComment(s, at);
    }

    // A bogus comment: up to the next '>' (consumed) or the end.
    private TokenKind BogusComment(ReadOnlySpan<char> s, int from)
    {
        var close = s[Math.Min(from, s.Length)..].IndexOf('>');
        _position = close < 0 ? s.Length : from + close + 1;
        return TokenKind.Comment;
    }

    // Where a comment whose data starts at j ends (the index after it), by AngleSharp's comment states.
    private static int CommentEnd(ReadOnlySpan<char> s, int j)
    {
        var c = At(s, j);
        switch (c)
        {
            case '>':
                return j + 1;
            case EndOfText:
                return s.Length;
            case '-':
                var d = At(s, j + 1);
                if (d == '>')
                {
                    return j + 2;
                }

                if (d == EndOfText)
                {
                    return s.Length;
                }

                if (d != '-')
                {
                    return CommentBody(s, j + 2);
                }

                return DashDashEnd(s, j + 2, out var end) ? end : CommentBody(s, end);
            default:
                return CommentBody(s, j + 1);
        }
    }

    // The comment state from k on: ends at the first "--" followed by '>' or "!>" (dashes may repeat), or at the end.
    private static int CommentBody(ReadOnlySpan<char> s, int k)
    {
        while (true)
        {
            var dash = s[Math.Min(k, s.Length)..].IndexOf('-');
            if (dash < 0)
            {
                return s.Length;
            }

            k += dash;
            var c = At(s, k + 1);
            if (c == EndOfText)
            {
                return s.Length;
            }

            if (c != '-')
            {
                k += 2;
                continue;
            }

            if (DashDashEnd(s, k + 2, out var end))
            {
                return end;
            }

            k = end;
        }
    }

    // After "--": the comment end state at m. True with the index after the comment when it ends; false with where the
    // comment state resumes.
    private static bool DashDashEnd(ReadOnlySpan<char> s, int m, out int next)
    {
        while (true)
        {
            var c = At(s, m);
            switch (c)
            {
                case '>':
                    next = m + 1;
                    return true;
                case EndOfText:
                    next = s.Length;
                    return true;
                case '-':
                    m++;
                    continue;
                case '!':
                    var b = At(s, m + 1);
                    if (b == '>')
                    {
                        next = m + 2;
                        return true;
                    }

                    if (b == EndOfText)
                    {
                        next = s.Length;
                        return true;
                    }

                    if (b == '-')
                    {
                        // "--!-": the comment end dash state.
                        var after = At(s, m + 2);
                        if (after == '-')
                        {
                            m += 3;
                            continue;
                        }

                        if (after == EndOfText)
                        {
                            next = s.Length;
                            return true;
                        }

                        next = m + 3;
                        return false;
                    }

                    next = m + 2;
                    return false;
                default:
                    next = m + 1;
                    return false;
            }
        }
    }

    // "<!DOCTYPE": up to the next '>' (or the end); its name and identifiers decide the quirks mode.
    private TokenKind Doctype(ReadOnlySpan<char> s, int at)
    {
        var close = s[Math.Min(at, s.Length)..].IndexOf('>');
        var end = close < 0 ? s.Length : at + close;
        _position = close < 0 ? s.Length : end + 1;
        Quirks = close < 0 ? DoctypeQuirks.On : DoctypeClassifier.Classify(s[at..end]);
        return TokenKind.Doctype;
    }

    // A start or end tag whose name starts at s[at] (an ASCII letter).
    private TokenKind Tag(ReadOnlySpan<char> s, int at, TokenKind kind)
    {
        var stop = s[at..].IndexOfAny(NameStops);
        var i = at;
        int name;
        if (stop >= 0 && char.IsAsciiLetterUpper(s[at + stop]))
        {
            // Upper case letters in the name: lower-cased into the name buffer.
            _nameChars.Clear();
            while (true)
            {
                var c = At(s, i);
                if (c == EndOfText)
                {
                    return DropTag(s);
                }

                if (IsSpace(c) || c == '/' || c == '>')
                {
                    break;
                }

                _nameChars.Append(char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
                i++;
            }

            name = _names.GetId(_nameChars.Span);
        }
        else
        {
            if (stop < 0)
            {
                return DropTag(s);
            }

            i = at + stop;
            name = _names.GetId(s[at..i]);
        }

        TagName = name;
        SelfClosing = false;
        AttributeCount = 0;
        _values.Clear();
        var c0 = s[i];
        if (c0 == '>')
        {
            _position = i + 1;
            return EmitTag(kind);
        }

        return c0 == '/' ? SelfClosingTag(s, i + 1, kind) : Attributes(s, i + 1, kind);
    }

    // The end of the text inside a tag: the tag is lost and the end of the text is the token.
    private TokenKind DropTag(ReadOnlySpan<char> s)
    {
        _position = s.Length;
        return TokenKind.EndOfFile;
    }

    // The self-closing start tag state at i (after a '/').
    private TokenKind SelfClosingTag(ReadOnlySpan<char> s, int i, TokenKind kind)
    {
        while (true)
        {
            var c = At(s, i);
            if (c == '>')
            {
                SelfClosing = true;
                _position = i + 1;
                return EmitTag(kind);
            }

            if (c == EndOfText)
            {
                return DropTag(s);
            }

            if (c != '/')
            {
                return Attributes(s, i, kind);
            }

            i++;
        }
    }

    // The attributes of a tag, from the before-attribute-name state at i, by AngleSharp's attribute states.
    private TokenKind Attributes(ReadOnlySpan<char> s, int i, TokenKind kind)
    {
        while (true)
        {
            // Before the name.
            var c = At(s, i);
            while (IsSpace(c))
            {
                c = At(s, ++i);
            }

            if (c == '/')
            {
                return SelfClosingTag(s, i + 1, kind);
            }

            if (c == '>')
            {
                _position = i + 1;
                return EmitTag(kind);
            }

            if (c == EndOfText)
            {
                return DropTag(s);
            }

            // The name: its first character is taken whatever it is ('=' included).
            var nameStart = i;
            i++;
            var stop = s[i..].IndexOfAny(AttributeNameStops);
            i = stop < 0 ? s.Length : i + stop;
            var nameEnd = i;
            var upper = char.IsAsciiLetterUpper(s[nameStart]);
            while (i < s.Length && char.IsAsciiLetterUpper(s[i]))
            {
                // Upper case inside the name: read on to the real end.
                upper = true;
                stop = s[(i + 1)..].IndexOfAny(AttributeNameStops);
                i = stop < 0 ? s.Length : i + 1 + stop;
                nameEnd = i;
            }

            if (i >= s.Length)
            {
                return DropTag(s);
            }

            var keep = IsKept(s[nameStart..nameEnd], upper, out var nameId);
            c = s[i];

            // After the name.
            while (IsSpace(c))
            {
                c = At(s, ++i);
            }

            if (c != '=')
            {
                if (keep)
                {
                    AddAttribute(nameId, inScratch: true, _values.Count, 0);
                }

                if (c == '>')
                {
                    _position = i + 1;
                    return EmitTag(kind);
                }

                if (c == '/')
                {
                    return SelfClosingTag(s, i + 1, kind);
                }

                if (c == EndOfText)
                {
                    return DropTag(s);
                }

                // Another attribute starts here.
                continue;
            }

            // Before the value.
            c = At(s, ++i);
            while (IsSpace(c))
            {
                c = At(s, ++i);
            }

            if (c == '"' || c == '\'')
            {
                i = QuotedValue(s, i + 1, c, keep, nameId);
                if (i < 0)
                {
                    return DropTag(s);
                }

                // After a quoted value.
                c = At(s, i);
                if (c == '>')
                {
                    _position = i + 1;
                    return EmitTag(kind);
                }

                if (c == '/')
                {
                    return SelfClosingTag(s, i + 1, kind);
                }

                if (c == EndOfText)
                {
                    return DropTag(s);
                }

                // White space, or anything else read again as the start of a name.
                continue;
            }

            if (c == '>')
            {
                if (keep)
                {
                    AddAttribute(nameId, inScratch: true, _values.Count, 0);
                }

                _position = i + 1;
                return EmitTag(kind);
            }

            if (c == EndOfText)
            {
                return DropTag(s);
            }

            i = UnquotedValue(s, i, keep, nameId);
            if (i < 0)
            {
                return DropTag(s);
            }

            if (s[i] == '>')
            {
                _position = i + 1;
                return EmitTag(kind);
            }

            i++;
        }
    }

    private bool IsKept(ReadOnlySpan<char> name, bool upper, out int id)
    {
        id = -1;
        if (upper)
        {
            // Only ASCII letters are lower-cased, as AngleSharp does.
            _nameChars.Clear();
            foreach (var c in name)
            {
                _nameChars.Append(char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
            }

            name = _nameChars.Span;
        }

        if (Filter is { } filter && !filter.Keeps(name))
        {
            return false;
        }

        id = _names.GetId(name);
        return true;
    }

    // A quoted value from i (after the quote); returns the index after the closing quote, or -1 at the end of the text.
    private int QuotedValue(ReadOnlySpan<char> s, int i, char quote, bool keep, int nameId)
    {
        var rest = s[i..];
        var stop = quote == '"' ? rest.IndexOfAny('"', '&') : rest.IndexOfAny('\'', '&');
        if (stop < 0)
        {
            return -1;
        }

        if (rest[stop] == quote)
        {
            if (keep)
            {
                AddAttribute(nameId, inScratch: false, i, stop);
            }

            return i + stop + 1;
        }

        // A character reference: decoded into the values buffer.
        var start = _values.Count;
        var at = i;
        while (true)
        {
            rest = s[at..];
            stop = quote == '"' ? rest.IndexOfAny('"', '&') : rest.IndexOfAny('\'', '&');
            if (stop < 0)
            {
                return -1;
            }

            _values.Append(rest[..stop]);
            at += stop;
            if (s[at] == quote)
            {
                break;
            }

            at = AppendReference(s, at, quote, _values);
        }

        if (keep)
        {
            AddAttribute(nameId, inScratch: true, start, _values.Count - start);
        }
        else
        {
            _values.Count = start;
        }

        return at + 1;
    }

    // An unquoted value starting at s[i]; returns the index of the white space or '>' that ends it, or -1 at the end.
    private int UnquotedValue(ReadOnlySpan<char> s, int i, bool keep, int nameId)
    {
        var start = _values.Count;
        while (true)
        {
            var c = At(s, i);
            if (c == '>' || IsSpace(c))
            {
                break;
            }

            if (c == EndOfText)
            {
                _values.Count = start;
                return -1;
            }

            if (c == '&')
            {
                i = AppendReference(s, i, '>', _values);
                continue;
            }

            _values.Append(c);
            i++;
        }

        if (keep)
        {
            AddAttribute(nameId, inScratch: true, start, _values.Count - start);
        }
        else
        {
            _values.Count = start;
        }

        return i;
    }

    private void AddAttribute(int name, bool inScratch, int start, int length)
    {
        // Duplicates: the first one wins.
        for (var k = 0; k < AttributeCount; k++)
        {
            if (_attributes[k].Name == name)
            {
                return;
            }
        }

        if (AttributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }

        _attributes[AttributeCount++] = new TokenAttribute(name, inScratch, start, length);
    }

    private TokenKind EmitTag(TokenKind kind)
    {
        State = TextState.Data;
        if (kind == TokenKind.StartTag)
        {
            _lastStartTag = _names[TagName];
        }
        else
        {
            AttributeCount = 0;
        }

        return kind;
    }

    // RCDATA (decodeReferences) and RAWTEXT: text up to the end tag of the element, by AngleSharp's end tag rules.
    private TokenKind ReadRawText(ReadOnlySpan<char> s, bool decodeReferences)
    {
        var i = _position;
        var c = At(s, i);
        if (c == EndOfText)
        {
            return TokenKind.EndOfFile;
        }

        BeginScratchText();
        if (c == '<')
        {
            if (At(s, i + 1) != '/' || !IsAsciiLetter(At(s, i + 2)))
            {
                // Not an end tag: text from the '<' on.
                _text.Append('<');
                i++;
                if (At(s, i) == '/')
                {
                    _text.Append('/');
                    i++;
                }
            }
            else
            {
                // "</x": the letters, lower-cased; the end tag when they are the element's name and a separator follows.
                var k = i + 2;
                var nameStart = _text.Count;
                while (true)
                {
                    var d = At(s, k);
                    var length = _text.Count - nameStart;
                    if ((IsSpace(d) || d == '>' || d == '/') && length == _lastStartTag.Length
                        && _text.Span[nameStart..].SequenceEqual(_lastStartTag))
                    {
                        return RawEndTag(s, k);
                    }

                    if (!IsAsciiLetter(d))
                    {
                        break;
                    }

                    _text.Append(char.IsAsciiLetterUpper(d) ? (char)(d | 0x20) : d);
                    k++;
                }

                // Not the end tag: "</" and the lower-cased letters are text.
                var letters = _text.Span[nameStart..].ToString();
                _text.Clear();
                _text.Append("</");
                _text.Append(letters);
                i = k;
            }
        }

        while (true)
        {
            var rest = s[i..];
            var stop = decodeReferences ? rest.IndexOfAny(DataStops) : rest.IndexOf('<');
            var end = stop < 0 ? s.Length : i + stop;
            _text.Append(s[i..end]);
            if (stop < 0 || s[end] == '<')
            {
                _position = end;
                return ScratchText();
            }

            i = AppendReference(s, end, '\0', _text);
        }
    }

    // The end tag of a raw-text element whose name ends at k: its attributes are read (and ignored).
    private TokenKind RawEndTag(ReadOnlySpan<char> s, int k)
    {
        TagName = _names.GetId(_lastStartTag);
        SelfClosing = false;
        AttributeCount = 0;
        _values.Clear();
        var d = s[k];
        if (d == '>')
        {
            _position = k + 1;
            return EmitTag(TokenKind.EndTag);
        }

        return d == '/' ? SelfClosingTag(s, k + 1, TokenKind.EndTag) : Attributes(s, k + 1, TokenKind.EndTag);
    }

    // Script data: up to "</script" followed by white space, '/' or '>'. A "<!--" (the escaped states) falls back.
    private TokenKind ReadScript(ReadOnlySpan<char> s)
    {
        var i = _position;
        if (At(s, i) == EndOfText)
        {
            return TokenKind.EndOfFile;
        }

        var from = i;
        while (true)
        {
            var lt = s[i..].IndexOf('<');
            if (lt < 0)
            {
                _position = s.Length;
                return SourceText(from, s.Length - from);
            }

            i += lt;
            var c = At(s, i + 1);
            if (c == '!' && At(s, i + 2) == '-' && At(s, i + 3) == '-')
            {
                Fallback = TreeFallback.ScriptEscape;
                _position = s.Length;
                return TokenKind.EndOfFile;
            }

            if (c == '/')
            {
                var k = i + 2;
                while (IsAsciiLetter(At(s, k)) && k - (i + 2) < _lastStartTag.Length + 1)
                {
                    k++;
                }

                var d = At(s, k);
                if (k - (i + 2) == _lastStartTag.Length && (IsSpace(d) || d == '>' || d == '/')
                    && s[(i + 2)..k].Equals(_lastStartTag, StringComparison.OrdinalIgnoreCase))
                {
                    if (i > from)
                    {
                        // The text first; the end tag is read by the next call.
                        _position = i;
                        return SourceText(from, i - from);
                    }

                    return RawEndTag(s, k);
                }
            }

            i++;
        }
    }

    private TokenKind ReadPlainText(ReadOnlySpan<char> s)
    {
        if (_position >= s.Length)
        {
            return TokenKind.EndOfFile;
        }

        var start = _position;
        _position = s.Length;
        return SourceText(start, s.Length - start);
    }
}
