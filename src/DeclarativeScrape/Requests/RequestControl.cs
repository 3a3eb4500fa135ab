using System.Net;

namespace DeclarativeScrape;

/// <summary>
/// What a run adds to each of its requests, in one place: the user agent and <c>Accept</c> headers, the scraper's
/// headers (<see cref="ScrapeOptions.Headers"/>) then the page type's (<see cref="PageType{TItem}.Headers"/>), the run's
/// cookies (seeded from <see cref="ScrapeOptions.Cookies"/>, then whatever the site sets, the login step's included),
/// and the client requests go through: the engine's pooled one, or, with <see cref="ScrapeOptions.Handlers"/>, a client
/// of the run whose handlers (authentication, signing…) wrap the engine's pooled handler.
/// </summary>
internal sealed class RequestControl : IDisposable
{
    private const string AcceptHtml = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private const string AcceptEncoding = "gzip, deflate, br";

    private readonly RunSettings _settings;
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient? _own;

    public RequestControl(FetchClient fetch, RunSettings settings)
    {
        _settings = settings;
        foreach (var cookie in settings.Cookies)
        {
            _cookies.Add(cookie);
        }

        if (settings.Handlers.Count > 0)
        {
            // The user's handlers, outermost first, over the engine's pooled handler (never disposed with them).
            HttpMessageHandler inner = new SharedHandler(fetch.Handler);
            for (var i = settings.Handlers.Count - 1; i >= 0; i--)
            {
                var handler = settings.Handlers[i]();
                handler.InnerHandler = inner;
                inner = handler;
            }

            _own = new HttpClient(inner, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }

        Client = _own ?? fetch.Client;
    }

    /// <summary>The client the run's requests go through.</summary>
    public HttpClient Client { get; }

    /// <summary>Adds the run's headers, the page type's headers and the cookies for its URL to <paramref name="request"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="pageHeaders">The headers of the page type fetched, if any; they win over the scraper's.</param>
    public void Prepare(HttpRequestMessage request, IReadOnlyList<KeyValuePair<string, string>>? pageHeaders)
    {
        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", _settings.UserAgent);
        headers.TryAddWithoutValidation("Accept", AcceptHtml);
        headers.TryAddWithoutValidation("Accept-Encoding", AcceptEncoding);
        Add(headers, _settings.Headers);
        if (pageHeaders is not null)
        {
            Add(headers, pageHeaders);
        }

        lock (_cookies)
        {
            if (_cookies.Count > 0 && request.RequestUri is { } url && _cookies.GetCookieHeader(url) is { Length: > 0 } cookie)
            {
                headers.TryAddWithoutValidation("Cookie", cookie);
            }
        }
    }

    /// <summary>Keeps the cookies <paramref name="response"/> sets for <paramref name="url"/>.</summary>
    public void Received(Uri url, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        lock (_cookies)
        {
            foreach (var value in values)
            {
                try
                {
                    _cookies.SetCookies(url, value);
                }
                catch (CookieException)
                {
                    // A malformed cookie is ignored, as browsers do.
                }
            }
        }
    }

    /// <summary>The run's cookies for <paramref name="url"/> (for a browser rendering the page).</summary>
    public IReadOnlyList<Cookie> CookiesFor(Uri url)
    {
        lock (_cookies)
        {
            return _cookies.Count == 0 ? [] : [.. _cookies.GetCookies(url).Cast<Cookie>()];
        }
    }

    public void Dispose() => _own?.Dispose();

    private static void Add(System.Net.Http.Headers.HttpRequestHeaders headers, IEnumerable<KeyValuePair<string, string>> values)
    {
        foreach (var (name, value) in values)
        {
            headers.Remove(name);
            headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>The engine's pooled handler under a run's own handlers: disposing the run's chain leaves it open.</summary>
    private sealed class SharedHandler(HttpMessageHandler shared) : DelegatingHandler(shared)
    {
        protected override void Dispose(bool disposing)
        {
            // Not base.Dispose: the engine owns the pooled handler and disposes it with the engine.
        }
    }
}
