namespace DeclarativeScrape;

/// <summary>Why a URL was not fetched.</summary>
public enum SkipReason
{
    /// <summary>Not skipped.</summary>
    None,

    /// <summary>The same canonical URL was already in the frontier.</summary>
    Duplicate,

    /// <summary>The host is not allowed, or a redirect led out of the allowed hosts.</summary>
    OutOfScope,

    /// <summary>Beyond <see cref="LimitOptions.MaxDepth"/>.</summary>
    MaxDepth,

    /// <summary>Beyond <see cref="LimitOptions.MaxPages"/>.</summary>
    MaxPages,

    /// <summary>Disallowed by the host's robots.txt.</summary>
    Robots,

    /// <summary>The link is not an absolute http(s) URL after resolution.</summary>
    InvalidUrl,

    /// <summary>The run was stopped before the URL was fetched (with a state directory, it is fetched on resume).</summary>
    Cancelled,

    /// <summary>
    /// The answer was not an HTML (or XHTML/XML) document: its <c>Content-Type</c> (in the message) says it is a PDF,
    /// an image, JSON… It was neither read nor parsed.
    /// </summary>
    NotHtml,
}
