namespace DeclarativeScrape;

/// <summary>One worker of a shared crawl, in a <see cref="CrawlStatus"/>.</summary>
/// <param name="Id">The worker's id in the crawl.</param>
/// <param name="State"><c>running</c>, <c>stopped</c> or <c>lost</c>.</param>
/// <param name="Leased">The URLs it holds leased.</param>
/// <param name="SinceBeat">How long ago its last heartbeat was, while it runs; else <see langword="null"/>.</param>
/// <param name="Name">Its name (machine and process id).</param>
internal sealed record WorkerStatus(int Id, string State, long Leased, TimeSpan? SinceBeat, string Name);
