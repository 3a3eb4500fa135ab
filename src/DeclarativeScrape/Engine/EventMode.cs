namespace DeclarativeScrape;

/// <summary>What a run writes to its event channel.</summary>
internal enum EventMode
{
    /// <summary>Nothing: <see cref="ScrapeEngine.ScrapeAsync{TItem}"/> has no reader.</summary>
    None,

    /// <summary>Items only: <see cref="ScrapeEngine.RunAsync{TItem}"/>.</summary>
    Items,

    /// <summary>Items and outcomes: <see cref="ScrapeEngine.Start{TItem}"/>.</summary>
    All,
}
