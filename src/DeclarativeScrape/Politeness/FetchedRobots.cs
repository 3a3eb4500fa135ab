namespace DeclarativeScrape;

/// <summary>A host's robots.txt as fetched: the rules, and why they are "disallow all" when it could not be fetched.</summary>
/// <param name="Rules">The parsed rules (allow all after a 4xx, disallow all after a 5xx or network failure).</param>
/// <param name="Problem">Why the host is treated as disallowed, or <see langword="null"/>.</param>
/// <param name="Text">The file's text when it was fetched and parsed (a shared crawl stores it for the other workers); else <see langword="null"/>.</param>
internal sealed record FetchedRobots(RobotsTxt Rules, string? Problem, string? Text = null);
