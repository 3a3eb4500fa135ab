namespace DeclarativeScrape;

/// <summary>How one fetch attempt ended.</summary>
internal enum FetchStatus
{
    /// <summary>A 2xx response whose body was read.</summary>
    Fetched,

    /// <summary>An error status, a network error, a timeout, a cap or a redirect problem.</summary>
    Failed,

    /// <summary>A redirect led out of the allowed hosts.</summary>
    OutOfScope,

    /// <summary>The run stopped during the attempt.</summary>
    Cancelled,

    /// <summary>A 2xx answer that is not HTML (its media type in the message); its body was not read.</summary>
    NotHtml,
}

/// <summary>The result of one attempt (a value, never an exception): what came back, and whether to retry it.</summary>
internal sealed class FetchResult
{
    /// <summary>The body, for <see cref="FetchStatus.Fetched"/>; whoever ends up with it disposes it (its chunks go back to the pool, its bytes to the budget).</summary>
    public ResponseBody? Body { get; init; }

    public required FetchStatus Status { get; init; }

    public int? StatusCode { get; init; }

    /// <summary>The URL of the last hop.</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>The <c>Content-Type</c> header as received (its <c>charset</c> is read by <see cref="PageDecoder"/>).</summary>
    public string? ContentType { get; init; }

    public FailureReason Failure { get; init; }

    public string? Message { get; init; }

    /// <summary>The server's <c>Retry-After</c>, unclamped.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Time from sending the last hop to its headers; <see cref="TimeSpan.Zero"/> when none came.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Set by the retry decision: another attempt follows.</summary>
    public bool Retry { get; set; }

    /// <summary>Set by the retry decision: the delay before it (<c>Retry-After</c>, clamped), or <see langword="null"/> for the exponential backoff.</summary>
    public TimeSpan? RetryDelay { get; set; }

    /// <summary>Set by the host gate: the answer was a rate signal (a 429, or a 503 that reads as a rate limit).</summary>
    public bool RateLimited { get; set; }

    public bool HasResponse => Latency > TimeSpan.Zero || StatusCode is not null;
}
