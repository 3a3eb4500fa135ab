using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape.TestSite;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a free port, for tests. Routes are added by the test before or after start;
/// every request is counted per path, and the number of open connections is tracked so a test can assert that a
/// crawl released them.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _hitTimes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _peakByPath = new(StringComparer.Ordinal);
    private int _openConnections;
    private int _inFlight;
    private int _peakInFlight;

    private TestServer(WebApplication app) => _app = app;

    /// <summary>The base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>Open TCP connections now.</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    /// <summary>Requests being served now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests served at once so far.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>The clock that stamps each request (<see cref="HitTimesOf"/>); a test sets its fake clock here.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>A rate limiter every request passes first (refused requests are counted in <see cref="Hits"/> too); <see langword="null"/> for none.</summary>
    public ServerRateLimit? RateLimit { get; set; }

    /// <summary>Requests received per path (query excluded).</summary>
    public IReadOnlyDictionary<string, int> Hits => _hits;

    /// <summary>Starts a server. Routes not added answer 404.</summary>
    /// <param name="configure">Optional extra configuration of the application pipeline, run before the routes.</param>
    /// <returns>The running server.</returns>
    public static async Task<TestServer> StartAsync(Action<WebApplication>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        TestServer? server = null;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => async connection =>
            {
                Interlocked.Increment(ref server!._openConnections);
                try
                {
                    await next(connection);
                }
                finally
                {
                    Interlocked.Decrement(ref server._openConnections);
                }
            }));
            k.AddServerHeader = false;
            k.Limits.MinResponseDataRate = null;
            k.Limits.MaxConcurrentConnections = null;
        });
        var app = builder.Build();
        server = new TestServer(app);
        configure?.Invoke(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers requests for <paramref name="path"/> (exact, query excluded) with <paramref name="handler"/>.</summary>
    /// <param name="path">A path starting with <c>/</c>.</param>
    /// <param name="handler">The behaviour.</param>
    /// <returns>This server.</returns>
    public TestServer Map(string path, RequestDelegate handler)
    {
        _routes[path] = handler;
        return this;
    }

    /// <summary>Answers <paramref name="path"/> with a 200 HTML page.</summary>
    /// <param name="path">A path starting with <c>/</c>.</param>
    /// <param name="html">The page.</param>
    /// <returns>This server.</returns>
    public TestServer MapHtml(string path, string html) =>
        Map(path, ctx =>
        {
            ctx.Response.ContentType = "text/html; charset=utf-8";
            return ctx.Response.WriteAsync(html, ctx.RequestAborted);
        });

    /// <summary>The absolute URL of <paramref name="path"/> on this server.</summary>
    /// <param name="path">A path, with or without the leading <c>/</c>.</param>
    /// <returns>The URL.</returns>
    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    /// <summary>When each request for <paramref name="path"/> arrived, by <see cref="Clock"/>.</summary>
    /// <param name="path">A path starting with <c>/</c>.</param>
    /// <returns>The arrival times, in order.</returns>
    public IReadOnlyList<DateTimeOffset> HitTimesOf(string path) => _hitTimes.TryGetValue(path, out var q) ? [.. q] : [];

    /// <summary>Total requests received for every path.</summary>
    public int TotalHits => _hits.Values.Sum();

    /// <summary>Answers <paramref name="path"/> with the n-th handler on the n-th request; the last one repeats.</summary>
    /// <param name="path">A path starting with <c>/</c>.</param>
    /// <param name="handlers">The behaviours, in order.</param>
    /// <returns>This server.</returns>
    public TestServer MapSequence(string path, params RequestDelegate[] handlers)
    {
        var count = -1;
        return Map(path, ctx => handlers[Math.Min(Interlocked.Increment(ref count), handlers.Length - 1)](ctx));
    }

    /// <summary>Requests received for <paramref name="path"/>.</summary>
    /// <param name="path">A path starting with <c>/</c>.</param>
    /// <returns>The count.</returns>
    public int HitsOf(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    /// <summary>Waits until the open connections fall to <paramref name="atMost"/>, or fails after <paramref name="timeout"/>.</summary>
    /// <param name="atMost">The number of connections still allowed.</param>
    /// <param name="timeout">The longest wait.</param>
    /// <returns>Whether the connections were released in time.</returns>
    public async Task<bool> WaitForConnectionsAsync(int atMost, TimeSpan timeout)
    {
        // Connection close is observed asynchronously by Kestrel: poll the counter, bounded by the timeout.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var deadline = DateTime.UtcNow + timeout;
        while (OpenConnections > atMost)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await timer.WaitForNextTickAsync();
        }

        return true;
    }

    /// <summary>Stops the server, aborting open connections.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _app.StopAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Connections that hang are aborted by the stop timeout.
        }

        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, static (_, n) => n + 1);
        _hitTimes.GetOrAdd(path, static _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(Clock.GetUtcNow());
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, now, peak) != peak)
        {
        }

        try
        {
            if (RateLimit is { } limit && !limit.TryAdmit(Clock.GetUtcNow()))
            {
                await limit.RefuseAsync(context);
            }
            else if (_routes.TryGetValue(path, out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: expected in timeout tests.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
