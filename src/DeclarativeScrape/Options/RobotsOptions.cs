namespace DeclarativeScrape;

/// <summary>How robots.txt is treated.</summary>
public sealed class RobotsOptions
{
    /// <summary>Whether robots.txt rules and <c>Crawl-delay</c> are obeyed. On by default.</summary>
    public bool Obey { get; set; } = true;
}
