namespace DeclarativeScrape.Hosting;

/// <summary>What the host's stop signals do to a running crawl, whatever its item type.</summary>
internal interface ICrawlControl
{
    /// <summary>Cancels the requests in flight at once (after a graceful stop they may otherwise finish, for a bounded time).</summary>
    void StopNow();
}
