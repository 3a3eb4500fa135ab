namespace DeclarativeScrape.Generators.Selectors;

/// <summary>
/// Reads a selector once: one pass of <see cref="SelectorTokenizer"/> feeds the validator (the syntax AngleSharp 1.10
/// accepts, see <see cref="CssSelectorChecker"/>) and every fact the generator needs of it (is it <c>:scope</c>, which
/// attributes it tests, does it end in a pseudo-element), so that the emitter never tokenizes a selector again.
/// </summary>
/// <remarks>Linear in the selector's length.</remarks>
internal static class SelectorReader
{
    public static SelectorReading Read(string selector)
    {
        var validator = new SelectorValidator(selector, forgiving: false, depth: 0, invoked: false);
        var scope = new ScopeSelector();
        var attributes = new SelectorAttributeNames();
        var pseudo = new PseudoElementFinder();
        var tokenizer = new SelectorTokenizer(selector);
        for (var token = tokenizer.Next(); token.Kind != SelectorTokenKind.EndOfFile; token = tokenizer.Next())
        {
            validator.Apply(token);
            scope.Add(token);
            attributes.Add(token);
            pseudo.Add(token);
        }

        var error = selector.Length == 0
            ? new SelectorError("the selector is empty", 0, 0)
            : validator.IsValid ? (SelectorError?)null : validator.Diagnose();
        return new SelectorReading(error, scope.IsScope, attributes.Names, attributes.ReadsAny, pseudo.PseudoElement, pseudo.Scrapy);
    }
}
