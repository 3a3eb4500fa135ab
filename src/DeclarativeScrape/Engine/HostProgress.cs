namespace DeclarativeScrape;

/// <summary>The state of one busy host, in a <see cref="ScrapeProgress"/>.</summary>
/// <param name="Host">The host name (and port, when not the default).</param>
/// <param name="InFlight">Requests in flight to it now.</param>
/// <param name="Limit">Its current adaptive concurrency limit.</param>
/// <param name="Queued">URLs waiting for it in this run.</param>
public readonly record struct HostProgress(string Host, int InFlight, int Limit, long Queued);
