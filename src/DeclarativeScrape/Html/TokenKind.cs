namespace DeclarativeScrape;

/// <summary>The kinds of token <see cref="PageTokenizer"/> reads.</summary>
internal enum TokenKind
{
    EndOfFile,
    Character,
    StartTag,
    EndTag,

    /// <summary>A comment, processing instruction or bogus comment: skipped, but it ends a run of text.</summary>
    Comment,
    Doctype,
}
