namespace DeclarativeScrape;

/// <summary>
/// What <see cref="PageProbe"/> got out of one page: the response (or why there was none), the extracted value, every
/// failure with its selector, and the links each <see cref="FollowAttribute"/> property found.
/// </summary>
/// <typeparam name="TItem">The scraper's item type.</typeparam>
public sealed class ProbeResult<TItem>
{
    /// <summary>The URL probed (for a saved file, the URL it is read as).</summary>
    public required Uri Url { get; init; }

    /// <summary>The URL of the page after redirects; <see cref="Url"/> when there were none.</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>The page type whose extraction ran.</summary>
    public required PageType<TItem> PageType { get; init; }

    /// <summary>The HTTP status of the last response; <see langword="null"/> for a saved file or when none came.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The <c>Content-Type</c> header the page came with (it chose the page's decoding), or <see langword="null"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The page's bytes as received (after content decoding such as gzip); empty when no page came.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// Why no page was extracted: robots.txt disallows the URL, the request failed (with the reason the crawl would
    /// record) or a redirect left the allowed hosts; <see langword="null"/> when the page was extracted.
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>Whether <see cref="Item"/> holds the page's item (an <see cref="ItemAttribute"/> page type that extracted without failures).</summary>
    public bool HasItem { get; init; }

    /// <summary>The item, when <see cref="HasItem"/>.</summary>
    public TItem? Item { get; init; }

    /// <summary>Every failure of the extraction, each with its property and selector, as the crawl records them.</summary>
    public IReadOnlyList<ExtractionFailure> Failures { get; init; } = [];

    /// <summary>The extractor's exception message when it threw (a user converter's bug), naming the stage.</summary>
    public string? Error { get; init; }

    /// <summary>The links the page's <see cref="FollowAttribute"/> properties found, in document order.</summary>
    public IReadOnlyList<DiscoveredLink> Links { get; init; } = [];

    /// <summary>Whether the page was fetched (or read) and extracted without a failure.</summary>
    public bool Succeeded => Problem is null && Error is null && Failures.Count == 0;
}
