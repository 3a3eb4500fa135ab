namespace DeclarativeScrape;

/// <summary>One host's rate at the end of a run (<see cref="ScrapeSummary.Hosts"/>).</summary>
public sealed record HostRateSummary
{
    /// <summary>The host's authority: name, and port when not the default.</summary>
    public required string Host { get; init; }

    /// <summary>
    /// The rate learned from the host's refusals, in requests per second: a little under what it accepted. <see langword="null"/>
    /// when it refused nothing (it ran at <see cref="ConfiguredRequestsPerSecond"/>, or as fast as concurrency allowed).
    /// </summary>
    public double? LearnedRequestsPerSecond { get; init; }

    /// <summary>The configured rate (<see cref="RateLimitOptions.RequestsPerSecond"/> or robots.txt <c>Crawl-delay</c>), a ceiling; <see langword="null"/> for none.</summary>
    public double? ConfiguredRequestsPerSecond { get; init; }

    /// <summary>This run's answers from the host that were read as rate limits (429, and 503s that read as one).</summary>
    public long RateLimitedAnswers { get; init; }

    /// <summary>This run's requests to the host.</summary>
    public long Requests { get; init; }
}
