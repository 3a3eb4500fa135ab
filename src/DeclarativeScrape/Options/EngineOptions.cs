using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace DeclarativeScrape;

/// <summary>
/// Options of a <see cref="ScrapeEngine"/>: what every run on it shares (the connection pool, the global
/// concurrency limit, the per-host limits, the parse workers, logging and time).
/// </summary>
public sealed class EngineOptions
{
    /// <summary>The default of <see cref="MaxConcurrency"/>.</summary>
    public const int DefaultMaxConcurrency = 1024;

    /// <summary>Requests in flight across every run on the engine. Must be positive.</summary>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

    /// <summary>Threads that parse and extract pages; 0 for one per processor.</summary>
    public int ParseWorkers { get; set; }

    /// <summary>HTTP proxies (absolute http URLs); empty for direct connections.</summary>
    public IList<Uri> Proxies { get; set; } = new List<Uri>();

    /// <summary>How requests are spread over <see cref="Proxies"/>.</summary>
    public ProxyRotation ProxyRotation { get; set; } = ProxyRotation.PerRequest;

    /// <summary>Where the engine and its runs log; <see langword="null"/> for no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Creates the <c>DeclarativeScrape</c> meter the engine records on (under the Generic Host, the container's, so
    /// the metrics carry its tags and end with it); <see langword="null"/> for one process-wide meter.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>The clock for delays, timeouts and rate limits; <see langword="null"/> for <see cref="TimeProvider.System"/>. Tests inject a fake one.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Checks every option and throws <see cref="ScrapeOptionsException"/> naming the first bad one.</summary>
    /// <exception cref="ScrapeOptionsException">An option has a value that cannot work.</exception>
    public void Validate()
    {
        if (MaxConcurrency < 1)
        {
            throw new ScrapeOptionsException(nameof(MaxConcurrency), $"must be at least 1, was {MaxConcurrency}.");
        }

        if (ParseWorkers < 0)
        {
            throw new ScrapeOptionsException(nameof(ParseWorkers), $"must be 0 (one per processor) or more, was {ParseWorkers}.");
        }

        if (Proxies is null)
        {
            throw new ScrapeOptionsException(nameof(Proxies), "must not be null; leave it empty for direct connections.");
        }

        for (var i = 0; i < Proxies.Count; i++)
        {
            var proxy = Proxies[i];
            if (proxy is null || !proxy.IsAbsoluteUri || (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps))
            {
                throw new ScrapeOptionsException($"{nameof(Proxies)}[{i}]", $"'{proxy}' is not an absolute http(s) proxy URL.");
            }
        }

        if (!Enum.IsDefined(ProxyRotation))
        {
            throw new ScrapeOptionsException(nameof(ProxyRotation), $"'{ProxyRotation}' is not a rotation mode.");
        }
    }
}
