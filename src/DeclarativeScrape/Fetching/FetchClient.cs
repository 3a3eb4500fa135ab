using System.Net;
using System.Net.Sockets;

namespace DeclarativeScrape;

/// <summary>
/// The engine's one pooled <see cref="SocketsHttpHandler"/> and <see cref="HttpClient"/>, shared by every run.
/// </summary>
/// <remarks>
/// Decompression, redirects and cookies are deliberately off here: the runtime does them itself, per run, so that
/// it can cap the decompressed size while streaming, re-check the allowed hosts on every hop and keep each run's
/// cookies apart. HTTP/2 is negotiated by ALPN over TLS (requests ask for 2.0 or lower); plain http stays HTTP/1.1.
/// The connect timeout is per request: <see cref="ConnectTimeoutKey"/> carries it to the connect callback, which
/// measures it on the engine's <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class FetchClient : IDisposable
{
    /// <summary>The request option that carries the attempt's connect timeout to <see cref="ConnectAsync"/>.</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> ConnectTimeoutKey = new("DeclarativeScrape.ConnectTimeout");

    /// <summary>How long a pooled connection lives before it is replaced (DNS changes are picked up).</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How long an idle pooled connection is kept.</summary>
    public static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90);

    private readonly TimeProvider _time;
    private readonly SocketsHttpHandler _handler;

    public FetchClient(EngineOptions options, TimeProvider time)
    {
        _time = time;
        _handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = PooledConnectionLifetime,
            PooledConnectionIdleTimeout = PooledConnectionIdleTimeout,
            MaxConnectionsPerServer = int.MaxValue,
            EnableMultipleHttp2Connections = true,
            ConnectCallback = ConnectAsync,
            UseProxy = options.Proxies.Count > 0,
            Proxy = options.Proxies.Count > 0 ? new RotatingProxy(options.Proxies, options.ProxyRotation) : null,
        };
        Client = new HttpClient(_handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The pooled client (no timeout of its own: each attempt has its own).</summary>
    public HttpClient Client { get; }

    /// <summary>The pooled handler, for a run whose own handlers wrap it (<see cref="RequestControl"/>).</summary>
    public HttpMessageHandler Handler => _handler;

    public void Dispose() => Client.Dispose();

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var timeout = context.InitialRequestMessage.Options.TryGetValue(ConnectTimeoutKey, out var t) ? t : TimeSpan.FromSeconds(TimeoutOptions.DefaultConnectSeconds);
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, linked.Token).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ConnectTimeoutException(context.DnsEndPoint, timeout);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
