using AngleSharp.Dom;

namespace DeclarativeScrape;

/// <summary>
/// A type with a generated extractor. The generator implements this on every <see cref="PageAttribute"/> and
/// <see cref="ItemAttribute"/> type; user code rarely calls it directly (use the generated <c>Parse</c>).
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IExtractable<TSelf> where TSelf : IExtractable<TSelf>
{
    /// <summary>
    /// Extracts an instance from <paramref name="scope"/>: a whole document for a page type, the matched element
    /// for a nested item. Never throws for bad content: missing or unconvertible required values are recorded in
    /// <paramref name="context"/> and the result is <see langword="null"/>. Links of <see cref="FollowAttribute"/>
    /// properties are recorded in <paramref name="context"/> even when the result is <see langword="null"/>.
    /// </summary>
    /// <param name="scope">The document or element the selectors are evaluated against.</param>
    /// <param name="context">The page URL, and where failures and links are recorded.</param>
    /// <returns>The instance, or <see langword="null"/> when a required value is missing.</returns>
    static abstract TSelf? Extract(IParentNode scope, ExtractionContext context);
}
