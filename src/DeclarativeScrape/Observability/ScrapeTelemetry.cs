using System.Diagnostics;

namespace DeclarativeScrape;

/// <summary>
/// The library's one <see cref="ActivitySource"/> and the name of its one meter (<see cref="ScrapeMetrics"/>), both
/// <c>DeclarativeScrape</c>, and the attribute names both use: OpenTelemetry's semantic conventions where one exists
/// (<c>server.address</c>, <c>server.port</c>, <c>http.request.method</c>, <c>http.response.status_code</c>,
/// <c>error.type</c>, <c>url.full</c>), <c>declarativescrape.*</c> for the library's own.
/// </summary>
internal static class ScrapeTelemetry
{
    public const string Name = "DeclarativeScrape";

    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string RequestMethod = "http.request.method";
    public const string ResponseStatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";
    public const string UrlFull = "url.full";
    public const string Scraper = "declarativescrape.scraper";
    public const string Outcome = "declarativescrape.outcome";
    public const string SkipReason = "declarativescrape.skip_reason";
    public const string RenderStatus = "declarativescrape.render.status";
    public const string RenderDecision = "declarativescrape.render.decision";
    public const string HttpCacheResult = "declarativescrape.http_cache.result";

    /// <summary>The version both report: the assembly's.</summary>
    public static readonly string? Version = typeof(ScrapeTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource ActivitySource = new(Name, Version);

    private static readonly string[] StatusCodes = Enumerable.Range(0, 600).Select(static code => code.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>A status code as the <c>error.type</c> of an HTTP error answer (<c>"404"</c>), without allocating.</summary>
    public static string StatusCodeText(int status) => (uint)status < (uint)StatusCodes.Length ? StatusCodes[status] : status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Starts the client span of one HTTP request (named after its method, as the conventions say), or none when nobody listens.</summary>
    /// <param name="url">The request's URL.</param>
    /// <param name="resendCount">Attempts of the same URL before this one (<c>http.request.resend_count</c> when above 0).</param>
    public static Activity? StartClientSpan(Uri url, int resendCount)
    {
        var activity = ActivitySource.StartActivity("GET", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(RequestMethod, "GET");
            activity.SetTag(ServerAddress, url.IdnHost);
            activity.SetTag(ServerPort, url.Port);
            activity.SetTag(UrlFull, url.AbsoluteUri);
            if (resendCount > 0)
            {
                activity.SetTag("http.request.resend_count", resendCount);
            }
        }

        return activity;
    }

    /// <summary>Records how a client span's request ended: its status code, and <c>error.type</c> (a 4xx/5xx code or the failure's kind) when it failed.</summary>
    public static void EndClientSpan(Activity? activity, int? statusCode, string? errorType)
    {
        if (activity is null)
        {
            return;
        }

        if (statusCode is { } code)
        {
            activity.SetTag(ResponseStatusCode, code);
        }

        if (errorType is not null)
        {
            activity.SetTag(ErrorType, errorType);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary><c>server.address</c> and <c>server.port</c> of a URL.</summary>
    public static TagList ServerTags(Uri url) => new() { { ServerAddress, url.IdnHost }, { ServerPort, url.Port } };

    /// <summary><c>server.address</c> and <c>server.port</c> of a host key (<c>host</c>, <c>host:port</c> or <c>[v6]:port</c>).</summary>
    public static TagList ServerTags(string authority)
    {
        var colon = authority.LastIndexOf(':');
        if (colon > 0 && authority.IndexOf(']', colon) < 0 && int.TryParse(authority.AsSpan(colon + 1), out var port))
        {
            return new TagList { { ServerAddress, authority[..colon].Trim('[', ']') }, { ServerPort, port } };
        }

        return new TagList { { ServerAddress, authority.Trim('[', ']') } };
    }
}
