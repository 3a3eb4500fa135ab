using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Net.Http.Headers;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// Kestrel on 127.0.0.1 (a free port, or the one the options give) serving an <see cref="ISiteContent"/>: GET and HEAD only, cached page bytes
/// (but any method for the pages of an <see cref="IInteractiveContent"/>, answered per request),
/// gzip when the client accepts it, an optional latency, no logging. Paths starting with <c>/__</c> are control paths:
/// never delayed, never counted.
/// </summary>
internal sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PageCache _cache;
    private readonly IInteractiveContent? _interactive;
    private readonly TimeSpan _latency;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, int> _outages = new(StringComparer.Ordinal);
    private readonly SiteRateLimit? _rateLimit;

    private SiteServer(WebApplication app, ISiteContent content, DemoSiteOptions options)
    {
        _app = app;
        _cache = new PageCache(content);
        _interactive = content as IInteractiveContent;
        _latency = options.Latency;
        _time = options.TimeProvider ?? TimeProvider.System;
        _rateLimit = options.RateLimit is { } rate ? new SiteRateLimit(rate, options.RateLimitBurst, _time) : null;
    }

    /// <summary>The base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = default!;

    public SiteTraffic Traffic { get; } = new();

    /// <summary>Answers <paramref name="path"/> with <paramref name="statusCode"/> and no body from now on, or as usual again when it is <see langword="null"/>.</summary>
    public void SetOutage(string path, int? statusCode)
    {
        if (statusCode is { } status)
        {
            _outages[path] = status;
        }
        else
        {
            _outages.TryRemove(path, out _);
        }
    }

    /// <summary>The application's services, for tests.</summary>
    internal IServiceProvider Services => _app.Services;

    public static async Task<SiteServer> StartAsync(ISiteContent content, DemoSiteOptions options, CancellationToken cancellationToken)
    {
        // The empty builder reads no configuration files and environment, and registers no logging: a demo site
        // prints nothing and watches no files.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Limits.MinResponseDataRate = null;
        });
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();
        var server = new SiteServer(app, content, options);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Connections still open after the timeout are aborted.
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Path.Value is { Length: > 0 } p ? p : "/";
        var isHead = HttpMethods.IsHead(request.Method);
        var interactive = _interactive is not null && _interactive.Handles(path);
        if (!interactive && !isHead && !HttpMethods.IsGet(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var counted = !path.StartsWith("/__", StringComparison.Ordinal);
        if (counted)
        {
            Traffic.Begin(path, request.Headers.UserAgent.ToString());
        }

        try
        {
            if (counted && _latency > TimeSpan.Zero)
            {
                await Task.Delay(_latency, _time, context.RequestAborted).ConfigureAwait(false);
            }

            if (_outages.TryGetValue(path, out var outage))
            {
                response.StatusCode = outage;
                return;
            }

            if (counted && _rateLimit is not null && path != "/robots.txt" && !_rateLimit.TryTake())
            {
                Traffic.Refused();
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "1";
                return;
            }

            if (interactive)
            {
                await _interactive!.HandleAsync(context).ConfigureAwait(false);
                return;
            }

            var page = _cache.Get(path);
            var body = page.Body;
            response.StatusCode = page.StatusCode;
            response.ContentType = page.ContentType;
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            if (AcceptEncoding.AcceptsGzip(request.Headers.AcceptEncoding))
            {
                body = page.Gzipped;
                response.Headers.ContentEncoding = "gzip";
            }

            response.ContentLength = body.Length;
            if (!isHead)
            {
                await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            if (counted)
            {
                Traffic.End();
            }
        }
    }
}
