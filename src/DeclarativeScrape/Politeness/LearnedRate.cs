namespace DeclarativeScrape;

/// <summary>
/// The rate a host was found to accept, learned from its refusals (429, and 503s that read as a rate limit): a plain
/// value that a store can keep and give back, so that another worker, or a later run, starts from it instead of
/// discovering it again (<see cref="ScrapeEngine.LearnedRates"/>, <see cref="ScrapeEngine.Seed"/>).
/// </summary>
/// <param name="Host">The host's authority: name, and port when not the default (as in <see cref="HostRateSummary.Host"/>).</param>
/// <param name="RequestsPerSecond">The rate the host's requests are paced at: a little under the rate it was seen to accept.</param>
/// <param name="LearnedAt">When the rate last changed (a cut, or a probe upwards).</param>
public sealed record LearnedRate(string Host, double RequestsPerSecond, DateTimeOffset LearnedAt);
