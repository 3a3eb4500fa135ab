namespace DeclarativeScrape;

/// <summary>
/// The 64-bit key a state database indexes canonical URLs by: FNV-1a over the URL's UTF-16 code units. Stable across
/// processes and versions (it is stored); equal keys are confirmed by comparing the URLs, so a collision costs one
/// extra comparison, never a wrong verdict.
/// </summary>
internal static class UrlKey
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static long Of(string url)
    {
        var hash = Offset;
        foreach (var c in url)
        {
            hash = (hash ^ c) * Prime;
        }

        return unchecked((long)hash);
    }
}
