using System.Collections.Frozen;
using AngleSharp.Html.Parser.Tokens.Struct;

namespace DeclarativeScrape;

/// <summary>
/// The parser's <see cref="AngleSharp.Html.Parser.HtmlParserOptions.ShouldEmitAttribute"/> for a page type whose
/// extractor reads only some attributes (<see cref="PageType{TItem}.ReadAttributes"/>): the tokenizer drops every other
/// attribute before an element is built, so they cost neither time nor memory.
/// </summary>
/// <remarks>
/// Kept whatever the extractor reads, because the tree builder or the runtime reads them (HTML's tree construction
/// rules): <c>type</c> (an <c>input type=hidden</c> stays inside a table), <c>color</c>, <c>face</c> and <c>size</c>
/// (a <c>font</c> with them leaves SVG and MathML content), <c>encoding</c> (an <c>annotation-xml</c> that holds HTML),
/// <c>shadowrootmode</c> (a declarative shadow root), <c>charset</c>, <c>http-equiv</c> and <c>content</c> (a meta
/// charset), <c>href</c> (the runtime's <c>&lt;base href&gt;</c>). One difference remains for malformed markup
/// only: the "Noah's Ark" rule that caps identical open formatting elements (<c>&lt;b&gt;</c>, <c>&lt;font&gt;</c>…) at
/// three compares attributes, so four or more unclosed ones that differ only in unread attributes are reopened as three.
/// </remarks>
internal sealed class AttributeFilter
{
    /// <summary>Attributes kept for every page, read by HTML tree construction or by the runtime.</summary>
    public static readonly IReadOnlyList<string> Structural =
        ["type", "color", "face", "size", "encoding", "shadowrootmode", "charset", "http-equiv", "content", "href"];

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _kept;

    public AttributeFilter(IEnumerable<string> readAttributes)
    {
        var kept = readAttributes.Select(static a => a.ToLowerInvariant()).Concat(Structural).ToFrozenSet(StringComparer.Ordinal);
        _kept = kept.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether the tokenizer keeps an attribute (names arrive in lower case).</summary>
    public bool ShouldEmit(ref StructHtmlToken token, ReadOnlyMemory<char> attributeName) => _kept.Contains(attributeName.Span);

    /// <summary>Whether an attribute is kept (its name in lower case): the compact parser's side of <see cref="ShouldEmit"/>.</summary>
    public bool Keeps(ReadOnlySpan<char> attributeName) => _kept.Contains(attributeName);
}
