namespace DeclarativeScrape.Hosting;

/// <summary>Everything the end of a run prints: the summary, the pages fetched, why it stopped, the exit code and where items went.</summary>
/// <param name="Summary">The runtime's summary.</param>
/// <param name="PagesFetched">Responses received, from the last progress snapshot.</param>
/// <param name="Stop">Why it stopped early, if it did.</param>
/// <param name="Output">Where the items went (a file path, <c>standard output</c>), or <see langword="null"/> when they were not written.</param>
internal sealed record RunReport(ScrapeSummary Summary, long PagesFetched, StopReason Stop, string? Output)
{
    /// <summary>
    /// The process exit code: <see cref="ExitCodes.Interrupted"/> or <see cref="ExitCodes.Terminated"/> for a run stopped
    /// early, <see cref="ExitCodes.Failed"/> for one that processed nothing (and resumed no state that had processed
    /// pages, and joined no shared crawl that has: resuming a finished crawl succeeds), else <see cref="ExitCodes.Success"/>.
    /// </summary>
    public int ExitCode => Stop switch
    {
        StopReason.Interrupted or StopReason.Cancelled => ExitCodes.Interrupted,
        StopReason.Terminated => ExitCodes.Terminated,
        _ when Summary.Processed == 0 && (Summary.Resumed?.Processed ?? 0) == 0 && (Summary.Shared?.Crawl.Processed ?? 0) == 0 => ExitCodes.Failed,
        _ => ExitCodes.Success,
    };

    /// <summary>Pages per second over the whole run.</summary>
    public double PagesPerSecond => Summary.Elapsed > TimeSpan.Zero ? PagesFetched / Summary.Elapsed.TotalSeconds : 0;
}
