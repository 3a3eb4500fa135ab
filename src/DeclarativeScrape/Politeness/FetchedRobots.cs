namespace DeclarativeScrape;

/// <summary>A host's robots.txt as fetched: the rules, and why they are "disallow all" when it could not be fetched.</summary>
/// <param name="Rules">The parsed rules (allow all after a 4xx, disallow all when it could not be fetched).</param>
/// <param name="Problem">Why the host is treated as disallowed, or <see langword="null"/>.</param>
/// <param name="Unreachable">
/// When robots.txt stayed unreachable for network reasons (refused, timed out, 5xx) through
/// <see cref="RobotsOptions.UnreachableTimeout"/>: the last attempt's failure, which the host's URLs fail with
/// (never a <see cref="SkipReason.Robots"/> skip); else <see langword="null"/>.
/// </param>
/// <param name="StatusCode">The last attempt's status code, if an answer came.</param>
/// <param name="Text">The file's text when it was fetched and parsed (a shared crawl stores it for the other workers); else <see langword="null"/>.</param>
internal sealed record FetchedRobots(RobotsTxt Rules, string? Problem, FailureReason? Unreachable = null, int? StatusCode = null, string? Text = null);
