namespace DeclarativeScrape;

/// <summary>What the engine needs of a run, whatever its item type.</summary>
internal interface ICrawl
{
    string ScraperName { get; }

    long Queued { get; }

    /// <summary>Stops the run at once (engine disposal) and completes when it has stopped.</summary>
    Task AbortAsync();
}
