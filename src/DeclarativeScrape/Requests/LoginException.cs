namespace DeclarativeScrape;

/// <summary>The login step (<see cref="ScrapeOptions.Login"/>) failed: the run stops before its first page. The message says why.</summary>
public sealed class LoginException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the URL.</param>
    public LoginException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LoginException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LoginException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
