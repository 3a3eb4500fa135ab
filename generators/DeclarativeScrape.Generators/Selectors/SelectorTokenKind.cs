namespace DeclarativeScrape.Generators.Selectors;

/// <summary>The kinds of token AngleSharp's CSS selector tokenizer produces.</summary>
internal enum SelectorTokenKind
{
    EndOfFile,
    Whitespace,
    Ident,
    Function,
    Hash,
    Class,
    String,
    Number,
    Dimension,
    Delim,
    Match,
    Colon,
    Comma,
    SquareBracketOpen,
    SquareBracketClose,
    RoundBracketClose,
    Column,
    Descendant,
    Deep,
    Invalid,
}
