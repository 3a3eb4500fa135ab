namespace DeclarativeScrape.DemoSites;

/// <summary>Options of a <see cref="DocsSite"/>.</summary>
public sealed class DocsSiteOptions : DemoSiteOptions
{
    /// <summary>The default of <see cref="PageCount"/>.</summary>
    public const int DefaultPageCount = 200;

    /// <summary>The most articles the generator has distinct titles for.</summary>
    public const int MaxPageCount = 300;

    /// <summary>The default of <see cref="Seed"/>.</summary>
    public const int DefaultSeed = 7;

    /// <summary>Articles, spread over the Guides (30 %), Reference (40 %) and API (30 %) sections; 3 to <see cref="MaxPageCount"/>. The home and section index pages come on top.</summary>
    public int PageCount { get; set; } = DefaultPageCount;

    /// <summary>The seed every title, heading, link and code block derives from.</summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (PageCount is < 3 or > MaxPageCount)
        {
            throw new ArgumentOutOfRangeException(nameof(PageCount), PageCount, $"{nameof(DocsSiteOptions)}.{nameof(PageCount)} must be 3 to {MaxPageCount}.");
        }
    }
}
