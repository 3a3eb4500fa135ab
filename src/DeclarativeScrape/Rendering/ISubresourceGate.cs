namespace DeclarativeScrape;

/// <summary>
/// A run's admission of the requests a rendered page makes (scripts, style sheets, <c>fetch()</c>, frames): the
/// request must be inside the allowed hosts and allowed by its host's robots.txt, and it takes a slot and a token of
/// its host, as the crawl's own requests do, for as long as it is in flight. A renderer calls
/// <see cref="AdmitAsync"/> before a request goes out and <see cref="SubresourceTicket.Complete"/> when it ended.
/// </summary>
/// <remarks>
/// The page's own document was fetched by the crawl (with its own slot, released when the body arrived), so a page's
/// requests never wait for a slot held by the page itself: with one slot per host they simply go one at a time.
/// </remarks>
public interface ISubresourceGate
{
    /// <summary>Decides on one request, waiting for its host's slot and token when it is allowed.</summary>
    /// <param name="url">The request's URL.</param>
    /// <param name="cancellationToken">Cancelled when the render ends.</param>
    /// <returns>A ticket: allowed (complete it when the request ends) or blocked with the reason.</returns>
    ValueTask<SubresourceTicket> AdmitAsync(Uri url, CancellationToken cancellationToken);
}
