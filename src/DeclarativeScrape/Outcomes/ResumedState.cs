namespace DeclarativeScrape;

/// <summary>
/// What a <see cref="ScrapeOptions.StateDirectory"/> held when a run resumed it: the work earlier runs left and what
/// they did. The run's own counts (<see cref="ScrapeSummary.Processed"/> and the rest) cover only what this run did.
/// </summary>
public sealed record ResumedState
{
    /// <summary>The state database file.</summary>
    public required string StateFile { get; init; }

    /// <summary>Runs that used the state before this one.</summary>
    public required long EarlierRuns { get; init; }

    /// <summary>
    /// URLs left to fetch (queued, or in flight when the last run stopped or was killed), carried into this run. They
    /// count in this run's <see cref="ScrapeSummary.Discovered"/>, so that its counts reconcile.
    /// </summary>
    public required long Carried { get; init; }

    /// <summary>URLs earlier runs processed.</summary>
    public required long Processed { get; init; }

    /// <summary>URLs earlier runs completed as skipped (robots.txt, a redirect out of scope).</summary>
    public required long Skipped { get; init; }

    /// <summary>URLs earlier runs completed as failed (they are not fetched again).</summary>
    public required long Failed { get; init; }

    /// <summary>Items earlier runs committed (they are in the output file, and not streamed again).</summary>
    public required long Items { get; init; }
}
