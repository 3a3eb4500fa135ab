using System.Collections.Concurrent;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// What a demo site has served: requests per path and the most served at once. Control paths (<c>/__…</c>) are not
/// counted. Tests use it to check that a crawl fetched every page once, skipped what robots.txt disallows and kept
/// to its concurrency limit.
/// </summary>
public sealed class SiteTraffic
{
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private long _requests;
    private int _inFlight;
    private int _peakInFlight;

    /// <summary>Requests received, every path and status.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests being served now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests served at once so far.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>Requests received per path (query excluded).</summary>
    public IReadOnlyDictionary<string, int> Hits => _hits;

    /// <summary>Requests received for <paramref name="path"/>.</summary>
    /// <param name="path">A path starting with <c>/</c>, query excluded.</param>
    /// <returns>The count.</returns>
    public int HitsOf(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    internal void Begin(string path)
    {
        Interlocked.Increment(ref _requests);
        _hits.AddOrUpdate(path, 1, static (_, n) => n + 1);
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, now, peak) != peak)
        {
        }
    }

    internal void End() => Interlocked.Decrement(ref _inFlight);
}
