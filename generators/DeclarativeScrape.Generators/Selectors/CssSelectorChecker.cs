namespace DeclarativeScrape.Generators.Selectors
{
    /// <summary>
    /// Checks CSS selector syntax in the compiler, without AngleSharp, accepting exactly what AngleSharp's
    /// <c>CssSelectorParser</c> accepts (a runtime test holds the two to the same corpus).
    /// </summary>
    internal static class CssSelectorChecker
    {
        /// <summary>Checks <paramref name="selector"/>.</summary>
        /// <param name="selector">The selector as written in the attribute.</param>
        /// <returns><see langword="null"/> when valid; else where and why it is not.</returns>
        public static SelectorError? Check(string selector)
        {
            // Placeholder until the real checker lands: only the empty selector is refused.
            if (string.IsNullOrWhiteSpace(selector))
            {
                return new SelectorError("the selector is empty", 0, selector.Length);
            }

            return null;
        }
    }
}
