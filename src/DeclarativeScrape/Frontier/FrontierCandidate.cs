namespace DeclarativeScrape;

/// <summary>
/// A URL entering the frontier (a start URL or a discovered link), with the verdict on it: <see cref="Skip"/> is set
/// by <see cref="FrontierPolicy"/> (<see cref="SkipReason.InvalidUrl"/>, <see cref="SkipReason.OutOfScope"/>,
/// <see cref="SkipReason.MaxDepth"/>) or by the store (<see cref="SkipReason.Duplicate"/>, <see cref="SkipReason.MaxPages"/>);
/// <see cref="SkipReason.None"/> after admission means it was queued.
/// </summary>
internal struct FrontierCandidate
{
    /// <summary>The canonical URL, or the link text as written when it is not a URL.</summary>
    public required string Url;

    /// <summary>The canonical URL, <see langword="null"/> for <see cref="SkipReason.InvalidUrl"/>.</summary>
    public Uri? Target;

    /// <summary>The authority (host and non-default port) the URL is queued under; empty when invalid.</summary>
    public string Host;

    /// <summary>The index of the page type in the plan.</summary>
    public int PageType;

    /// <summary>Links followed from a start URL.</summary>
    public int Depth;

    /// <summary>Its place in its host's queue (<see cref="FrontierOrder"/>): lower ranks are leased first.</summary>
    public int Rank;

    /// <summary>Why the URL is not queued, or <see cref="SkipReason.None"/>.</summary>
    public SkipReason Skip;

    /// <summary>A detail for the skip outcome.</summary>
    public string? Message;

    /// <summary>The values the link carries to its page, if any.</summary>
    public CarriedValues? Carried;
}
