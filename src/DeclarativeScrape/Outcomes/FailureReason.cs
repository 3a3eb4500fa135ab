namespace DeclarativeScrape;

/// <summary>Why a fetched URL failed.</summary>
public enum FailureReason
{
    /// <summary>Not failed.</summary>
    None,

    /// <summary>The server answered an error status (after the retries), see <see cref="UrlOutcome.StatusCode"/>.</summary>
    HttpStatus,

    /// <summary>The connection failed, was reset or closed early (a truncated body).</summary>
    Network,

    /// <summary>
    /// The request took longer than <see cref="TimeoutOptions.Request"/> or did not connect within <see cref="TimeoutOptions.Connect"/>;
    /// or a rendered page did not settle within its <see cref="RenderAttribute.TimeoutSeconds"/>.
    /// </summary>
    Timeout,

    /// <summary>No bytes arrived for <see cref="TimeoutOptions.ReadIdle"/>: a hung server or a stalled body.</summary>
    IdleTimeout,

    /// <summary>The body was larger than <see cref="LimitOptions.MaxResponseBytes"/>, or inflated beyond <see cref="LimitOptions.MaxDecompressedBytes"/>.</summary>
    TooLarge,

    /// <summary>More than <see cref="LimitOptions.MaxRedirects"/> redirects, or a redirect loop.</summary>
    TooManyRedirects,

    /// <summary>A 429 answer more often than <see cref="RetryOptions.MaxRateLimitedAttempts"/> allows.</summary>
    RateLimited,

    /// <summary>
    /// The page was fetched but did not become its item and links: a required value did not extract (see
    /// <see cref="UrlOutcome.ExtractionFailures"/>), or a stage threw (decoding, parsing, the extractor or a converter,
    /// link resolution, the plan's <see cref="ItemHook{TItem}"/>, encoding the item for the output); the message names it. The run goes on.
    /// </summary>
    Extraction,

    /// <summary>
    /// A <see cref="RenderAttribute"/> page the browser could not render: it crashed the browser on every attempt, or
    /// the browser failed (a page that does not settle in time is <see cref="Timeout"/>).
    /// </summary>
    Render,
}
