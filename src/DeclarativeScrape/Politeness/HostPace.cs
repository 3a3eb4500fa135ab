namespace DeclarativeScrape;

/// <summary>
/// How fast requests may start on a host by configuration: one every <paramref name="Interval"/>, with up to
/// <paramref name="Burst"/> at once after a quiet spell; the strictest of the runs' <see cref="RateLimitOptions"/> and
/// robots.txt <c>Crawl-delay</c> (<see cref="HostGate.Pace"/>). A shared crawl holds it across its workers, so they keep
/// to it together.
/// </summary>
/// <param name="Interval">The time between two requests at the sustained rate.</param>
/// <param name="Burst">Requests that may start at once.</param>
internal sealed record HostPace(TimeSpan Interval, int Burst);
