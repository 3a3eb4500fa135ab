namespace DeclarativeScrape;

/// <summary>
/// Which URLs of the allowed hosts a crawl visits: a path prefix and include/exclude <see cref="UrlPattern"/> globs,
/// checked on every discovered link (redirect targets are checked by host only). Start URLs are always crawled.
/// A URL left out is skipped with <see cref="SkipReason.OutOfScope"/> and a message naming the rule.
/// </summary>
public sealed class ScopeOptions
{
    /// <summary>A path every crawled URL starts with, such as <c>/docs/</c>; <see langword="null"/> for any path.</summary>
    public string? PathPrefix { get; set; }

    /// <summary>Globs a crawled URL must match one of; empty for every URL.</summary>
    public IList<string> Include { get; set; } = new List<string>();

    /// <summary>Globs no crawled URL may match.</summary>
    public IList<string> Exclude { get; set; } = new List<string>();

    internal void Validate(string prefix)
    {
        if (PathPrefix is { } path && (path.Length == 0 || path[0] != '/'))
        {
            throw new ScrapeOptionsException(prefix + nameof(PathPrefix), $"'{path}' is not a path prefix: it starts with '/', such as '/docs/'.");
        }

        Check(Include, prefix + nameof(Include));
        Check(Exclude, prefix + nameof(Exclude));
    }

    private static void Check(IList<string>? patterns, string name)
    {
        if (patterns is null)
        {
            throw new ScrapeOptionsException(name, "must not be null; leave it empty for no pattern.");
        }

        for (var i = 0; i < patterns.Count; i++)
        {
            if (UrlPatternSyntax.Problem(patterns[i]) is { } problem)
            {
                throw new ScrapeOptionsException($"{name}[{i}]", $"'{patterns[i]}' is not a URL pattern: {problem}.");
            }
        }
    }
}
