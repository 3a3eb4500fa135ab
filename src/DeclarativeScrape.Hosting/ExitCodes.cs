namespace DeclarativeScrape.Hosting;

/// <summary>The exit codes of <see cref="ScrapeApp.RunAsync{TItem}(CrawlPlan{TItem}, string[], Action{ScrapeOptions}?, CancellationToken)"/>.</summary>
public static class ExitCodes
{
    /// <summary>The crawl ran out of work and processed at least one URL. Failed URLs do not change this: they are in the summary.</summary>
    public const int Success = 0;

    /// <summary>The run threw, or it ended without processing a single URL (every start URL failed or was skipped).</summary>
    public const int Failed = 1;

    /// <summary>A bad argument or option: nothing was fetched. The message names the argument or option.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (SIGINT) or by the caller's cancellation token; the run drained and the summary printed.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM; the run drained and the summary printed.</summary>
    public const int Terminated = 143;
}
