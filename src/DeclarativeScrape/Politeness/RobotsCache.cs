using System.Collections.Concurrent;

namespace DeclarativeScrape;

/// <summary>
/// robots.txt per origin (scheme and authority), fetched once per engine: the first run that needs it starts the
/// fetch, every other requester awaits the same task, and the result is kept for the engine's life (unless it stayed
/// unreachable).
/// </summary>
internal sealed class RobotsCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<FetchedRobots>>> _rules = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rules of <paramref name="url"/>'s origin.</summary>
    /// <param name="url">Any URL of the origin.</param>
    /// <param name="fetch">Fetches <c>/robots.txt</c> of the origin; never throws (failures are rules too).</param>
    /// <remarks>
    /// A robots.txt that stayed unreachable is not kept: every requester waiting for that fetch gets its verdict, and the
    /// next run that needs the origin fetches it again.
    /// </remarks>
    public Task<FetchedRobots> GetAsync(Uri url, Func<Uri, Task<FetchedRobots>> fetch)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        var entry = _rules.GetOrAdd(origin, static (o, f) => new Lazy<Task<FetchedRobots>>(() => f(new Uri(o + "/robots.txt"))), fetch);
        return Forget(origin, entry);
    }

    private async Task<FetchedRobots> Forget(string origin, Lazy<Task<FetchedRobots>> entry)
    {
        var robots = await entry.Value.ConfigureAwait(false);
        if (robots.Unreachable is not null)
        {
            _rules.TryRemove(new KeyValuePair<string, Lazy<Task<FetchedRobots>>>(origin, entry));
        }

        return robots;
    }
}
