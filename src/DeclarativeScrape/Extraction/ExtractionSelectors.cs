using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;

namespace DeclarativeScrape.Generated;

/// <summary>
/// Parses the CSS selectors of generated extractors, once each: generated code keeps the result in a
/// <see langword="static readonly"/> <see cref="ISelector"/> field, so no selector is parsed twice (the string
/// overloads of AngleSharp's <c>QuerySelector</c> parse on every call).
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ExtractionSelectors
{
    private static readonly CssSelectorParser Parser = new();

    /// <summary>
    /// Parses <paramref name="selector"/>. Never throws: a selector AngleSharp refuses (the compile-time check is meant
    /// to make that impossible) becomes an <see cref="InvalidSelector"/> that matches nothing, and a required property
    /// using it is recorded as a failure saying so.
    /// </summary>
    /// <param name="selector">The CSS selector text.</param>
    /// <returns>The parsed selector.</returns>
    public static ISelector Parse(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ISelector? parsed;
        lock (Parser)
        {
            parsed = Parser.ParseSelector(selector);
        }

        return parsed ?? new InvalidSelector(selector);
    }
}
