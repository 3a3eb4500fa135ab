namespace DeclarativeScrape;

/// <summary>
/// Why the compact parser gave a page to AngleSharp: a construct of HTML tree construction it does not reproduce.
/// Every one of them is detected where it happens; the page is then parsed again in full (see docs/performance.md).
/// </summary>
internal enum TreeFallback
{
    /// <summary>The compact tree was built.</summary>
    None,

    /// <summary>A U+0000 or U+FFFF character in the text (AngleSharp reads U+FFFF as the end of the input).</summary>
    UnsupportedCharacter,

    /// <summary><c>&lt;svg&gt;</c> or <c>&lt;math&gt;</c>: foreign content.</summary>
    ForeignContent,

    /// <summary><c>&lt;template&gt;</c>.</summary>
    Template,

    /// <summary><c>&lt;frameset&gt;</c>, <c>&lt;frame&gt;</c> or <c>&lt;isindex&gt;</c>.</summary>
    Frames,

    /// <summary>Text or an element where a table allows none: foster parenting moves it before the table.</summary>
    FosterParenting,

    /// <summary>Mis-nested formatting elements that the adoption agency algorithm would move (or a nested <c>&lt;a&gt;</c>, <c>&lt;nobr&gt;</c>).</summary>
    AdoptionAgency,

    /// <summary>A fourth identical open formatting element (the "Noah's Ark" clause compares attributes).</summary>
    FormattingLimit,

    /// <summary>A second <c>&lt;html&gt;</c> or <c>&lt;body&gt;</c> start tag with attributes to merge.</summary>
    AttributeMerge,

    /// <summary>Content of a <c>&lt;select&gt;</c> other than options, option groups and text.</summary>
    SelectContent,

    /// <summary>A <c>&lt;table&gt;</c> inside a paragraph under a DOCTYPE whose quirks mode the parser does not classify.</summary>
    QuirksMode,

    /// <summary>Elements nested so deep that AngleSharp's depth limit (512) would move them.</summary>
    Depth,

    /// <summary>A <c>&lt;!--</c> inside a script (the escaped script states).</summary>
    ScriptEscape,

    /// <summary>A node that would not be appended at the end of the document order (an element put back into the head).</summary>
    DocumentOrder,

    /// <summary>AngleSharp's DOM interface refuses an element or attribute name its parser accepts (<c>&lt;p a"b&gt;</c>).</summary>
    DomInterface,
}
