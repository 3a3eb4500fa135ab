using System.Net;

namespace DeclarativeScrape;

/// <summary>One page for an <see cref="IPageRenderer"/>: the document as fetched over HTTP and how to render it.</summary>
public sealed class RenderRequest
{
    /// <summary>The page's URL (after redirects): the document's address in the browser.</summary>
    public required Uri Url { get; init; }

    /// <summary>The document's bytes as fetched (decompressed). Valid until <see cref="IPageRenderer.RenderAsync"/> returns.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The document's <c>Content-Type</c> as the server sent it (charset included), for the browser to decode it as it would.</summary>
    public required string ContentType { get; init; }

    /// <summary>How to render (wait, clicks, timeout, blocked resource types).</summary>
    public required RenderSpec Spec { get; init; }

    /// <summary>The run's <c>User-Agent</c>, for the browser's requests.</summary>
    public required string UserAgent { get; init; }

    /// <summary>The run's extra request headers, for the browser's requests.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The run's cookies for <see cref="Url"/>, for the browser's requests.</summary>
    public IReadOnlyList<Cookie> Cookies { get; init; } = [];

    /// <summary>The run's admission of every other request the page makes: scope, robots.txt, the host's slots and rate.</summary>
    public required ISubresourceGate Subresources { get; init; }
}
