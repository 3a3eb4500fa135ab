namespace DeclarativeScrape;

/// <summary>
/// An extractor matched, on a document built for its plan's selectors, a selector set the plan does not list (a plan
/// that does not say everything its extractors read): the parse worker parses the page in full and stops using the
/// compact path for that page type.
/// </summary>
internal sealed class SelectorNotInPlanException : Exception
{
    public SelectorNotInPlanException()
        : base("The extractor matched a selector its page type's plan does not list.")
    {
    }

    public SelectorNotInPlanException(string message)
        : base(message)
    {
    }

    public SelectorNotInPlanException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
