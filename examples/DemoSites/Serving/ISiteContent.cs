namespace DeclarativeScrape.DemoSites;

/// <summary>What a demo site serves: a deterministic page per known path.</summary>
internal interface ISiteContent
{
    /// <summary>Renders the page at <paramref name="path"/> (query excluded), or <see langword="null"/> when there is none.</summary>
    SitePage? Render(string path);

    /// <summary>The 404 page.</summary>
    SitePage NotFound { get; }
}
