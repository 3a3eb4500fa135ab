namespace DeclarativeScrape;

/// <summary>
/// How fast requests may start on a host: one every <paramref name="Interval"/>, with up to <paramref name="Burst"/> at
/// once after a quiet spell. The strictest of the runs' <see cref="RateLimitOptions"/> and robots.txt <c>Crawl-delay</c>
/// (<see cref="HostGate.Pace"/>); a shared crawl holds it across its workers.
/// </summary>
/// <param name="Interval">The time between two requests at the sustained rate.</param>
/// <param name="Burst">Requests that may start at once.</param>
internal sealed record HostPace(TimeSpan Interval, int Burst);
