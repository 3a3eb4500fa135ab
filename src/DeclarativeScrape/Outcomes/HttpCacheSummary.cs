namespace DeclarativeScrape;

/// <summary>The development HTTP cache's part of a <see cref="ScrapeSummary"/> (<see cref="ScrapeOptions.HttpCache"/>).</summary>
public sealed record HttpCacheSummary
{
    /// <summary>The cache's directory, absolute.</summary>
    public required string Directory { get; init; }

    /// <summary>Responses replayed from the cache: requests that did not reach the site.</summary>
    public required long Hits { get; init; }

    /// <summary>Requests sent to the site because the cache held no usable response for them.</summary>
    public required long Misses { get; init; }

    /// <summary>Of <see cref="Misses"/>: responses stored for the next run.</summary>
    public required long Stored { get; init; }

    /// <summary>Entries deleted to keep the directory within <see cref="HttpCacheOptions.MaxBytes"/>.</summary>
    public required long Evicted { get; init; }
}
