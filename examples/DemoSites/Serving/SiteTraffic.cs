using System.Collections.Concurrent;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// What a demo site has served: requests per path, when each arrived, and the most served at once. Control paths
/// (<c>/__…</c>) are not counted. Tests use it to check that a crawl fetched every page once, skipped what robots.txt
/// disallows and kept to its concurrency limit and its rate.
/// </summary>
public sealed class SiteTraffic
{
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Path, string UserAgent), int> _hitsByAgent = new();
    private readonly ConcurrentQueue<(DateTimeOffset At, string Path)> _arrivals = new();
    private readonly List<(long Count, TaskCompletionSource Reached)> _waiters = [];
    private readonly Lock _waitersLock = new();
    private int _waiting;
    private long _requests;
    private long _rateLimited;
    private int _inFlight;
    private int _peakInFlight;

    /// <summary>Requests answered 429 by the site's rate limit (<see cref="DemoSiteOptions.RateLimit"/>).</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Requests received, every path and status.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests being served now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests served at once so far.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>Requests received per path (query excluded).</summary>
    public IReadOnlyDictionary<string, int> Hits => _hits;

    /// <summary>When each request arrived (the server's clock, as it began serving it) and its path, in arrival order.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Path)> Arrivals => [.. _arrivals];

    /// <summary>Requests received for <paramref name="path"/>.</summary>
    /// <param name="path">A path starting with <c>/</c>, query excluded.</param>
    /// <returns>The count.</returns>
    public int HitsOf(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    /// <summary>Requests received for <paramref name="path"/> per <c>User-Agent</c> (empty when a request sent none).</summary>
    /// <param name="path">A path starting with <c>/</c>, query excluded.</param>
    /// <returns>The count per user agent, for the user agents that requested it.</returns>
    public IReadOnlyDictionary<string, int> HitsByUserAgent(string path) =>
        _hitsByAgent.Where(kv => kv.Key.Path == path).ToDictionary(kv => kv.Key.UserAgent, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>
    /// Completes when the site has received at least <paramref name="count"/> requests: a test waits on it (with a
    /// timeout) to act in the middle of a crawl, for example to stop the crawler, instead of sleeping.
    /// </summary>
    /// <param name="count">The number of requests to wait for.</param>
    /// <returns>A task that completes once <see cref="Requests"/> reaches <paramref name="count"/>.</returns>
    public Task WhenRequests(long count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersLock)
        {
            // Announce the waiter before reading the count: a request counted after the read sees it and releases it.
            _waiters.Add((count, reached));
            Interlocked.Increment(ref _waiting);
        }

        Release(Requests);
        return reached.Task;
    }

    internal void Refused() => Interlocked.Increment(ref _rateLimited);

    internal void Begin(string path, string userAgent)
    {
        _arrivals.Enqueue((DateTimeOffset.UtcNow, path));
        var requests = Interlocked.Increment(ref _requests);
        if (Volatile.Read(ref _waiting) > 0)
        {
            Release(requests);
        }

        _hits.AddOrUpdate(path, 1, static (_, n) => n + 1);
        _hitsByAgent.AddOrUpdate((path, userAgent), 1, static (_, n) => n + 1);
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, now, peak) != peak)
        {
        }
    }

    internal void End() => Interlocked.Decrement(ref _inFlight);

    private void Release(long requests)
    {
        lock (_waitersLock)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= requests)
                {
                    _waiters[i].Reached.TrySetResult();
                    _waiters.RemoveAt(i);
                    Interlocked.Decrement(ref _waiting);
                }
            }
        }
    }
}
