using Microsoft.AspNetCore.Http;

namespace DeclarativeScrape.DemoSites;

/// <summary>Pages of a demo site that depend on the request (a form posted, a cookie): answered per request, never cached.</summary>
internal interface IInteractiveContent
{
    /// <summary>Whether <paramref name="path"/> is one of these pages.</summary>
    bool Handles(string path);

    /// <summary>Answers the request (any method).</summary>
    Task HandleAsync(HttpContext context);
}
