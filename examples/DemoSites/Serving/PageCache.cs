using System.Collections.Concurrent;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// Rendered pages by path, kept as bytes up to a byte budget (pages past it are rendered on every request, so a
/// very large site stays bounded in memory). Unknown paths are never cached.
/// </summary>
internal sealed class PageCache
{
    /// <summary>The default budget: 512 MiB of page bodies.</summary>
    public const long DefaultBudgetBytes = 512L << 20;

    private readonly ISiteContent _content;
    private readonly long _budgetBytes;
    private readonly ConcurrentDictionary<string, SitePage> _pages = new(StringComparer.Ordinal);
    private long _cachedBytes;

    public PageCache(ISiteContent content, long budgetBytes = DefaultBudgetBytes)
    {
        _content = content;
        _budgetBytes = budgetBytes;
    }

    /// <summary>Bytes of page bodies held.</summary>
    public long CachedBytes => Interlocked.Read(ref _cachedBytes);

    /// <summary>The page at <paramref name="path"/>, or the 404 page.</summary>
    public SitePage Get(string path)
    {
        if (_pages.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var page = _content.Render(path);
        if (page is null)
        {
            return _content.NotFound;
        }

        if (Interlocked.Read(ref _cachedBytes) + page.Body.Length <= _budgetBytes && _pages.TryAdd(path, page))
        {
            Interlocked.Add(ref _cachedBytes, page.Body.Length);
        }

        return page;
    }
}
