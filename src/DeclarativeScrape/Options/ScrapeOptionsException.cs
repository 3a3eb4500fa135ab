namespace DeclarativeScrape;

/// <summary>An option of a run or of the engine has a value that cannot work. Thrown at start-up, before any request.</summary>
public sealed class ScrapeOptionsException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="optionName">The option's full name, for example <c>Concurrency.PerHost</c>.</param>
    /// <param name="message">What is wrong and what would be right.</param>
    public ScrapeOptionsException(string optionName, string message)
        : base($"Option '{optionName}': {message}", optionName) => OptionName = optionName;

    /// <summary>The option's full name, for example <c>Concurrency.PerHost</c>.</summary>
    public string OptionName { get; }
}
