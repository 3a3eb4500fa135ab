namespace DeclarativeScrape.Hosting;

/// <summary>The <c>probe</c> command's arguments, checked.</summary>
internal sealed record ProbeSettings
{
    /// <summary>The page to fetch, or <see langword="null"/> when <see cref="File"/> is given.</summary>
    public Uri? Url { get; init; }

    /// <summary>A saved page to read instead of fetching, or <see langword="null"/>.</summary>
    public string? File { get; init; }

    /// <summary>The URL a saved page is read as (<c>--url</c>), or <see langword="null"/> for its expected-values file's, else a placeholder.</summary>
    public Uri? FileUrl { get; init; }

    /// <summary>The page type's name (<c>--page</c>), or <see langword="null"/> for the start page type.</summary>
    public string? PageType { get; init; }

    /// <summary>The directory the page is saved to as a sample (<c>--save</c>), or <see langword="null"/>.</summary>
    public string? SaveDirectory { get; init; }

    /// <summary>Whether robots.txt is ignored (<c>--no-robots</c>).</summary>
    public bool NoRobots { get; init; }

    /// <summary>The encoding every page is decoded with (<c>--page-encoding</c>), or <see langword="null"/>.</summary>
    public string? PageEncoding { get; init; }

    /// <summary>The development HTTP cache's directory (<c>--http-cache</c>), or <see langword="null"/>.</summary>
    public string? HttpCache { get; init; }
}
