namespace DeclarativeScrape;

/// <summary>How <see cref="PageTokenizer"/> reads text: markup, or the content of a raw-text element.</summary>
internal enum TextState
{
    /// <summary>Markup, with character references.</summary>
    Data,

    /// <summary>Text with character references, up to the element's end tag (<c>title</c>, <c>textarea</c>).</summary>
    RcData,

    /// <summary>Text up to the element's end tag (<c>style</c>, <c>xmp</c>, <c>iframe</c>, <c>noembed</c>, <c>noframes</c>).</summary>
    RawText,

    /// <summary>A script's text, up to <c>&lt;/script</c>.</summary>
    ScriptData,

    /// <summary>Everything to the end (<c>plaintext</c>).</summary>
    PlainText,
}
