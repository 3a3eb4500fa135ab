using System.Net;

namespace DeclarativeScrape;

/// <summary>A connection was not established within <see cref="TimeoutOptions.Connect"/>.</summary>
internal sealed class ConnectTimeoutException(DnsEndPoint endPoint, TimeSpan timeout)
    : IOException($"Connecting to {endPoint.Host}:{endPoint.Port} took longer than {timeout.TotalSeconds:0.###} s (Timeouts.Connect).");
