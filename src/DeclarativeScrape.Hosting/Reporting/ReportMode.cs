namespace DeclarativeScrape.Hosting;

/// <summary>How a run shows its progress.</summary>
internal enum ReportMode
{
    /// <summary>A live display on the terminal, refreshed four times a second.</summary>
    Live,

    /// <summary>A plain log line every few seconds (standard error is not a terminal).</summary>
    Lines,

    /// <summary>Nothing until the summary (<c>--quiet</c>).</summary>
    Quiet,
}
