namespace DeclarativeScrape.Generators.Selectors;

/// <summary>
/// Checks CSS selector syntax in the compiler, without AngleSharp, accepting exactly what AngleSharp 1.10's
/// <c>CssSelectorParser.ParseSelector</c> accepts (a runtime test holds the two to the same corpus, and to thousands
/// of mutations of it). It replays AngleSharp's tokenizer and selector state machine, so its quirks are kept: a
/// selector of only white space is valid (it matches everything), a leading combinator is ignored, an unknown
/// pseudo-class inside <c>:is()</c>/<c>:where()</c>/<c>:has()</c> is skipped.
/// </summary>
/// <remarks>Never throws, allocates little, and is linear in the selector's length.</remarks>
internal static class CssSelectorChecker
{
    /// <summary>Checks <paramref name="selector"/>.</summary>
    /// <param name="selector">The selector as written in the attribute.</param>
    /// <returns><see langword="null"/> when valid; else where and why it is not.</returns>
    public static SelectorError? Check(string selector) =>
        selector is null ? new SelectorError("the selector is empty", 0, 0) : SelectorReader.Read(selector).Error;
}
