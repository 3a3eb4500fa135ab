namespace DeclarativeScrape.DemoSites;

/// <summary>What a <see cref="DocPage"/> is.</summary>
public enum DocPageKind
{
    /// <summary>The documentation's home page, <c>/docs/</c>.</summary>
    Home,

    /// <summary>A section's index, <c>/docs/&lt;section&gt;/</c>, linking every article of the section.</summary>
    SectionIndex,

    /// <summary>An article, <c>/docs/&lt;section&gt;/&lt;slug&gt;.html</c>.</summary>
    Article,
}
