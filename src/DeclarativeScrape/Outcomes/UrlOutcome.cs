namespace DeclarativeScrape;

/// <summary>How one URL of a run ended. Every URL that enters the frontier gets exactly one.</summary>
public sealed record UrlOutcome
{
    /// <summary>The URL as it entered the frontier (canonical form), or the link text for <see cref="SkipReason.InvalidUrl"/>.</summary>
    public required string Url { get; init; }

    /// <summary>Processed, skipped or failed.</summary>
    public required OutcomeKind Kind { get; init; }

    /// <summary>The page type the URL was to be extracted as.</summary>
    public required string PageType { get; init; }

    /// <summary>Links followed from a start URL to reach it.</summary>
    public int Depth { get; init; }

    /// <summary>Why it was skipped, for <see cref="OutcomeKind.Skipped"/>.</summary>
    public SkipReason SkipReason { get; init; }

    /// <summary>Why it failed, for <see cref="OutcomeKind.Failed"/>.</summary>
    public FailureReason FailureReason { get; init; }

    /// <summary>Attempts made (0 when never fetched).</summary>
    public int Attempts { get; init; }

    /// <summary>The last HTTP status received, if any.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The URL after redirects, when it differs.</summary>
    public string? FinalUrl { get; init; }

    /// <summary>A human-readable detail: the exception message, the redirect target, the limit hit.</summary>
    public string? Message { get; init; }

    /// <summary>For <see cref="FailureReason.Extraction"/>: each value that did not extract.</summary>
    public IReadOnlyList<ExtractionFailure> ExtractionFailures { get; init; } = [];

    /// <summary>Time from the first attempt to the outcome.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// Whether the page was rendered in a browser (<see cref="RenderAttribute"/>), and for <see cref="RenderMode.WhenNeeded"/>
    /// whether its static HTML sufficed; <see cref="RenderDecision.None"/> for plain HTTP pages.
    /// </summary>
    public RenderDecision Render { get; init; }

    /// <summary>One line naming the URL and how it ended.</summary>
    public override string ToString() => Kind switch
    {
        OutcomeKind.Processed => $"processed {Url}",
        OutcomeKind.Skipped => $"skipped {Url}: {SkipReason}" + (Message is null ? "" : $" ({Message})"),
        _ => $"failed {Url}: {FailureReason}" + (StatusCode is { } s ? $" {s}" : "") +
             $" after {Attempts} attempt(s)" + (Message is null ? "" : $": {Message}"),
    };
}
