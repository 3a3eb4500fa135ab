namespace DeclarativeScrape;

/// <summary>
/// Renders fetched pages in a browser: the extension point through which a crawl sends its <see cref="RenderAttribute"/>
/// pages to a browser. The <c>DeclarativeScrape.Browser</c> package implements it with Playwright and the system's
/// Chromium; the core has no browser dependency. One renderer may serve several runs at once (share it to share its
/// browser); it bounds its own concurrency, and the caller owns and disposes it.
/// </summary>
public interface IPageRenderer
{
    /// <summary>
    /// Checks, before a run that needs the renderer starts, that it can work (its browser is installed), and throws
    /// <see cref="ScrapeOptionsException"/> naming the option and how to fix it when not.
    /// </summary>
    /// <exception cref="ScrapeOptionsException">The renderer cannot work.</exception>
    void Validate();

    /// <summary>
    /// Renders one page: loads <see cref="RenderRequest.Body"/> at <see cref="RenderRequest.Url"/>, lets its scripts
    /// run (every network request passes <see cref="RenderRequest.Subresources"/>), waits as <see cref="RenderRequest.Spec"/>
    /// says and returns the DOM's HTML. Never throws for a page's behaviour (a timeout, a crash): those are results.
    /// </summary>
    /// <param name="request">The page.</param>
    /// <param name="cancellationToken">Cancelled when the run stops.</param>
    /// <returns>The rendered HTML, or why there is none.</returns>
    ValueTask<RenderResult> RenderAsync(RenderRequest request, CancellationToken cancellationToken);
}
