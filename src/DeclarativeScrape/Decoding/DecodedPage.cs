namespace DeclarativeScrape;

/// <summary>A page's text, decoded from its bytes as a browser decodes it, and the encoding it was decoded with.</summary>
/// <param name="Text">The text, without the byte order mark.</param>
/// <param name="Encoding">The encoding and where it came from.</param>
public sealed record DecodedPage(string Text, EncodingDecision Encoding);
