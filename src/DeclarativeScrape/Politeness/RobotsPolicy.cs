namespace DeclarativeScrape;

/// <summary>
/// The robots.txt rules that apply to one crawler on one host: the merged group of its product token, or of
/// <c>*</c>. Built once per robots.txt and user agent; <see cref="IsAllowed"/> is cheap enough to ask for every URL.
/// </summary>
internal sealed record RobotsPolicy
{
    private const string RobotsTxtPath = "/robots.txt";

    private readonly RobotsRule[] _rules;

    /// <summary>Creates a policy.</summary>
    /// <param name="rules">The group's rules, in any order.</param>
    /// <param name="crawlDelay">The group's <c>Crawl-delay</c>, if any.</param>
    public RobotsPolicy(IEnumerable<RobotsRule> rules, TimeSpan? crawlDelay)
    {
        // The most specific rule first, Allow before Disallow on a tie: the first match decides.
        _rules = [.. rules.OrderByDescending(r => r.Specificity).ThenByDescending(r => r.IsAllow)];
        CrawlDelay = crawlDelay;
    }

    /// <summary>A policy with no rules: everything is allowed.</summary>
    public static RobotsPolicy Unrestricted { get; } = new([], null);

    /// <summary>
    /// The group's <c>Crawl-delay</c> (not in RFC 9309, but honoured): the least time between two requests to the
    /// host. <see langword="null"/> when the group has none.
    /// </summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>The rules, the most specific first.</summary>
    public IReadOnlyList<RobotsRule> Rules => _rules;

    /// <summary>Whether the crawler may fetch <paramref name="pathAndQuery"/>.</summary>
    /// <param name="pathAndQuery">The URL's path and query, for example <see cref="Uri.PathAndQuery"/>; escaped or not.</param>
    /// <returns>
    /// The verdict of the longest matching rule (Allow on a tie); allowed when no rule matches, and always for
    /// <c>/robots.txt</c>.
    /// </returns>
    public bool IsAllowed(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (_rules.Length == 0)
        {
            return true;
        }

        var path = Normalize(pathAndQuery);
        var queryStart = path.IndexOf('?', StringComparison.Ordinal);
        if (path.AsSpan(0, queryStart < 0 ? path.Length : queryStart).SequenceEqual(RobotsTxtPath))
        {
            return true;
        }

        foreach (var rule in _rules)
        {
            if (rule.Matches(path))
            {
                return rule.IsAllow;
            }
        }

        return true;
    }

    /// <summary>The URL side of matching: the same percent normalisation as the patterns, and <c>*</c>, <c>$</c> encoded.</summary>
    private static string Normalize(string pathAndQuery)
    {
        var path = pathAndQuery.Length == 0 || pathAndQuery[0] != '/' ? "/" + pathAndQuery : pathAndQuery;
        path = PercentEncoding.Normalize(path);
        return path.AsSpan().IndexOfAny('*', '$') < 0
            ? path
            : path.Replace("*", "%2A", StringComparison.Ordinal).Replace("$", "%24", StringComparison.Ordinal);
    }
}
