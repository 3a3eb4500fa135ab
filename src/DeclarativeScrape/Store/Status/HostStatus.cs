namespace DeclarativeScrape;

/// <summary>One host's queue in a <see cref="CrawlStatus"/>.</summary>
/// <param name="Name">The host (and non-default port).</param>
/// <param name="Queued">Its URLs waiting to be fetched.</param>
/// <param name="Leased">In a shared crawl, its URLs leased by workers; else <see langword="null"/>.</param>
/// <param name="Permits">In a shared crawl, the requests in flight its workers may have together; else <see langword="null"/>.</param>
/// <param name="PausedFor">In a shared crawl, how long its 429 pause lasts still, if it is paused.</param>
/// <param name="Rate">
/// In a shared crawl, the requests per second its workers last paced it at together (learned from its refusals, or set by
/// the options or robots.txt's <c>Crawl-delay</c>); <see langword="null"/> when no request of it was paced.
/// </param>
internal sealed record HostStatus(string Name, long Queued, long? Leased = null, long? Permits = null, TimeSpan? PausedFor = null, double? Rate = null);
