namespace DeclarativeScrape;

/// <summary>Whether robots.txt (RFC 9309) and its <c>Crawl-delay</c> are obeyed. They are by default.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RobotsAttribute : Attribute
{
    /// <summary><see langword="true"/> (the default) to obey robots.txt; <see langword="false"/> to ignore it.</summary>
    public bool Obey { get; set; } = true;
}
