using AngleSharp.Css;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace DeclarativeScrape.Generated;

/// <summary>
/// The stand-in for a selector that AngleSharp could not parse: it matches no element, and
/// <see cref="ExtractionMessages.NoElement(ISelector)"/> reports it as invalid instead of as "no element matched".
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class InvalidSelector : ISelector
{
    /// <summary>Creates the stand-in.</summary>
    /// <param name="text">The selector text that did not parse.</param>
    public InvalidSelector(string text) => Text = text;

    /// <summary>The selector text that did not parse.</summary>
    public string Text { get; }

    /// <summary>Zero: the selector matches nothing.</summary>
    public Priority Specificity => Priority.Zero;

    /// <summary>Visits nothing.</summary>
    /// <param name="visitor">The visitor.</param>
    public void Accept(ISelectorVisitor visitor)
    {
    }

    /// <summary>Never matches.</summary>
    /// <param name="element">The element.</param>
    /// <param name="scope">The scope.</param>
    /// <returns><see langword="false"/>.</returns>
    public bool Match(IElement element, IElement? scope) => false;
}
