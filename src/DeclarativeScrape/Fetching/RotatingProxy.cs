using System.Net;

namespace DeclarativeScrape;

/// <summary>
/// Spreads requests over the engine's proxies: the next one for every request (<see cref="ProxyRotation.PerRequest"/>),
/// or one chosen by a stable hash of the host (<see cref="ProxyRotation.PerHost"/>) so a host always sees one address.
/// </summary>
/// <remarks><see cref="SocketsHttpHandler"/> asks <see cref="GetProxy"/> for every request and pools connections per proxy.</remarks>
internal sealed class RotatingProxy(IList<Uri> proxies, ProxyRotation rotation) : IWebProxy
{
    private readonly Uri[] _proxies = [.. proxies];
    private int _next = -1;

    public ICredentials? Credentials { get; set; }

    public Uri? GetProxy(Uri destination) => rotation switch
    {
        ProxyRotation.PerHost => _proxies[(int)(StableHash(destination.IdnHost) % (uint)_proxies.Length)],
        _ => _proxies[(int)((uint)Interlocked.Increment(ref _next) % (uint)_proxies.Length)],
    };

    public bool IsBypassed(Uri host) => false;

    /// <summary>FNV-1a of the lower-cased host: the same proxy for a host in every process (string hashes are randomised).</summary>
    internal static uint StableHash(string host)
    {
        var hash = 2166136261u;
        foreach (var c in host)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 16777619u;
        }

        return hash;
    }
}
