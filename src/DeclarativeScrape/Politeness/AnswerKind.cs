namespace DeclarativeScrape;

/// <summary>What one attempt's answer says about its host, before the host gate reads it.</summary>
internal enum AnswerKind
{
    /// <summary>No verdict: the attempt was cancelled, or never sent.</summary>
    None,

    /// <summary>An answer the server chose to give (2xx, 3xx, 4xx other than 429; a body refused by our caps).</summary>
    Answered,

    /// <summary>A 429: the server refused the request for its rate.</summary>
    TooManyRequests,

    /// <summary>A 503: a rate limiter, or an unavailable page; the host gate decides from the evidence.</summary>
    Unavailable,

    /// <summary>A fault of the page or the host: another 5xx, a reset or broken connection, a timeout.</summary>
    Fault,
}
