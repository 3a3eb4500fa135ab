namespace DeclarativeScrape;

/// <summary>A kept attribute of a start tag: its name id, and where its value is (the text, or the tokenizer's values buffer).</summary>
internal readonly record struct TokenAttribute(int Name, bool InScratch, int Start, int Length);
