namespace DeclarativeScrape;

/// <summary>The <c>User-Agent</c> header sent with every request, and the name matched against robots.txt groups.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class UserAgentAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="userAgent">The full header value, for example <c>"MyBot/1.0 (+https://example.com/bot)"</c>.</param>
    public UserAgentAttribute(string userAgent) => UserAgent = userAgent;

    /// <summary>The header value.</summary>
    public string UserAgent { get; }
}
