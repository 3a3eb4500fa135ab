namespace DeclarativeScrape;

/// <summary>How requests are spread over the engine's proxies.</summary>
public enum ProxyRotation
{
    /// <summary>Each request uses the next proxy in turn.</summary>
    PerRequest,

    /// <summary>Every request to one host uses the same proxy, chosen by the host name.</summary>
    PerHost,
}
