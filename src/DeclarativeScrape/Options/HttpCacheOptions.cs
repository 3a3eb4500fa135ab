namespace DeclarativeScrape;

/// <summary>
/// The development HTTP cache: every response the run receives is kept on disk and replayed by the next run, which then
/// does not ask the site. Off by default (<see cref="Directory"/> <see langword="null"/>). A tool for an author iterating
/// on selectors, not HTTP caching: it ignores <c>Cache-Control</c>, never revalidates and replays everything it holds
/// (see docs/authoring.md, "The development HTTP cache").
/// </summary>
public sealed class HttpCacheOptions
{
    /// <summary>The default of <see cref="MaxBytes"/>: 1 GiB.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    /// <summary>The directory the responses are kept in (created when missing); <see langword="null"/> for no cache.</summary>
    public string? Directory { get; set; }

    /// <summary>The most bytes the directory's entries may hold; past it, the entries written longest ago are deleted.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    internal void Validate(string prefix)
    {
        if (Directory is not null && string.IsNullOrWhiteSpace(Directory))
        {
            throw new ScrapeOptionsException(prefix + nameof(Directory), "must be a directory path, or null for no cache.");
        }

        if (MaxBytes < 1)
        {
            throw new ScrapeOptionsException(prefix + nameof(MaxBytes), $"must be positive, was {MaxBytes}.");
        }
    }
}
