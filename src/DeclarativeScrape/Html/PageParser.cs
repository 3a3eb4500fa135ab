using System.Buffers;

namespace DeclarativeScrape;

/// <summary>
/// The compact parser: a page's text into a <see cref="PageTree"/> with only the attributes its page type reads, or
/// the reason (<see cref="TreeFallback"/>) it leaves the page to AngleSharp. One per parse worker (not thread-safe);
/// its tree, tokenizer buffers and names are reused from page to page.
/// </summary>
internal sealed class PageParser
{
    private static readonly SearchValues<char> Unusual = SearchValues.Create("\r\0\uffff");

    private readonly NameTable _names = new();
    private readonly PageTokenizer _tokenizer;
    private readonly PageTreeBuilder _builder;
    private readonly CharBuffer _normalized = new(0);

    public PageParser()
    {
        Tree = new PageTree(_names);
        _tokenizer = new PageTokenizer(_names);
        _builder = new PageTreeBuilder(_tokenizer, Tree);
    }

    /// <summary>The tree of the last page parsed (valid until the next one).</summary>
    public PageTree Tree { get; }

    /// <summary>
    /// Parses <paramref name="text"/> keeping the attributes <paramref name="filter"/> keeps (all when it is
    /// <see langword="null"/>). Returns <see cref="TreeFallback.None"/> when <see cref="Tree"/> holds the page.
    /// </summary>
    public TreeFallback Parse(ReadOnlyMemory<char> text, AttributeFilter? filter)
    {
        _names.TrimIfLarge();
        var span = text.Span;
        var unusual = span.IndexOfAny(Unusual);
        if (unusual >= 0)
        {
            if (span[unusual..].ContainsAny('\0', '\uffff'))
            {
                return TreeFallback.UnsupportedCharacter;
            }

            text = NormalizeLineEnds(span, unusual);
        }

        _tokenizer.Filter = filter;
        _tokenizer.Reset(text);
        var built = _builder.Build();
        _tokenizer.Reset(ReadOnlyMemory<char>.Empty);
        return built ? TreeFallback.None : _builder.Fallback;
    }

    // CR LF and a lone CR become LF, as AngleSharp's reader (and the HTML standard's input stream) turns them.
    private ReadOnlyMemory<char> NormalizeLineEnds(ReadOnlySpan<char> text, int firstReturn)
    {
        _normalized.Reset(1 << 20);
        _normalized.Append(text[..firstReturn]);
        var i = firstReturn;
        while (i < text.Length)
        {
            var next = text[i..].IndexOf('\r');
            if (next < 0)
            {
                _normalized.Append(text[i..]);
                break;
            }

            _normalized.Append(text.Slice(i, next));
            _normalized.Append('\n');
            i += next + 1;
            if (i < text.Length && text[i] == '\n')
            {
                i++;
            }
        }

        return _normalized.Array.AsMemory(0, _normalized.Count);
    }
}
