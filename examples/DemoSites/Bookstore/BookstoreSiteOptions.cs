namespace DeclarativeScrape.DemoSites;

/// <summary>Options of a <see cref="BookstoreSite"/>.</summary>
public sealed class BookstoreSiteOptions : DemoSiteOptions
{
    /// <summary>The default of <see cref="BookCount"/>.</summary>
    public const int DefaultBookCount = 2000;

    /// <summary>The default of <see cref="Seed"/>.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The default of <see cref="PagerWindow"/>.</summary>
    public const int DefaultPagerWindow = 10;

    /// <summary>Books in the catalogue (20 per listing page). Must be positive.</summary>
    public int BookCount { get; set; } = DefaultBookCount;

    /// <summary>The seed every title, price, rating and review derives from: the same seed gives the same site.</summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>
    /// How many following listing pages the numbered pager links (<c>ul.pager li.page a</c>), so a crawler that
    /// follows it can keep many requests in flight; 0 for only <c>li.previous</c> and <c>li.next</c>.
    /// </summary>
    public int PagerWindow { get; set; } = DefaultPagerWindow;

    /// <summary>A <c>Crawl-delay</c> for robots.txt; <see langword="null"/> (the default) for none.</summary>
    public TimeSpan? CrawlDelay { get; set; }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (BookCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BookCount), BookCount, $"{nameof(BookstoreSiteOptions)}.{nameof(BookCount)} must be at least 1.");
        }

        if (PagerWindow < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PagerWindow), PagerWindow, $"{nameof(BookstoreSiteOptions)}.{nameof(PagerWindow)} must not be negative.");
        }

        if (CrawlDelay is { } delay && delay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CrawlDelay), delay, $"{nameof(BookstoreSiteOptions)}.{nameof(CrawlDelay)} must be positive or null.");
        }
    }
}
