namespace DeclarativeScrape;

/// <summary>An option of a run or of the engine has a value that cannot work. Thrown at start-up, before any request.</summary>
public sealed class ScrapeOptionsException : ArgumentException
{
    private readonly string _message;

    /// <summary>Creates the exception.</summary>
    /// <param name="optionName">The option's full name, for example <c>Concurrency.PerHost</c>.</param>
    /// <param name="message">What is wrong and what would be right.</param>
    public ScrapeOptionsException(string optionName, string message)
        : base(message, optionName)
    {
        OptionName = optionName;
        _message = $"Option '{optionName}': {message}";
    }

    /// <summary>The option's full name, for example <c>Concurrency.PerHost</c>.</summary>
    public string OptionName { get; }

    /// <summary>What is wrong, naming the option once (without <see cref="ArgumentException"/>'s "(Parameter ...)" suffix).</summary>
    public override string Message => _message;
}
