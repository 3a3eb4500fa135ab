namespace DeclarativeScrape;

/// <summary>How a URL that entered the frontier ended. Every such URL ends in exactly one outcome.</summary>
public enum OutcomeKind
{
    /// <summary>Fetched and extracted (an item page's item was emitted).</summary>
    Processed,

    /// <summary>Not fetched, for a <see cref="SkipReason"/>.</summary>
    Skipped,

    /// <summary>Fetched or tried, and failed, for a <see cref="FailureReason"/>.</summary>
    Failed,
}
