namespace DeclarativeScrape;

/// <summary>
/// The checks a URL meets as it enters the frontier, before the store sees it, in this order: a valid http(s) URL
/// (canonicalized by <see cref="UrlCanonicalizer"/>), within the allowed hosts (<see cref="HostScope"/>), for a
/// discovered link within the path prefix and patterns of <see cref="ScopeOptions"/> (<see cref="PathScope"/>), within
/// <see cref="LimitOptions.MaxDepth"/>. The store then dedupes and applies <see cref="LimitOptions.MaxPages"/>.
/// </summary>
internal sealed class FrontierPolicy(HostScope scope, PathScope paths, int maxDepth)
{
    /// <summary>A start URL (depth 0): always within the paths of the scope.</summary>
    public FrontierCandidate ForStart(Uri url, int pageType) => For(url, url.OriginalString, pageType, 0, isStart: true);

    /// <summary>A link found on a page at <paramref name="depth"/> − 1.</summary>
    public FrontierCandidate ForLink(in DiscoveredLink link, int pageType, int depth) =>
        link.Url is null
            ? new FrontierCandidate
            {
                Url = link.Href,
                Host = string.Empty,
                PageType = pageType,
                Depth = depth,
                Skip = SkipReason.InvalidUrl,
                Message = $"'{link.Href}' ({link.Property}) is not an absolute http(s) URL",
            }
            : For(link.Url, link.Href, pageType, depth, isStart: false) with { Carried = link.Carried };

    private FrontierCandidate For(Uri url, string written, int pageType, int depth, bool isStart)
    {
        if (!UrlCanonicalizer.TryCanonicalize(url, out var canonical))
        {
            return new FrontierCandidate
            {
                Url = written,
                Host = string.Empty,
                PageType = pageType,
                Depth = depth,
                Skip = SkipReason.InvalidUrl,
                Message = $"'{written}' is not an absolute http(s) URL",
            };
        }

        var candidate = new FrontierCandidate
        {
            Url = canonical.AbsoluteUri,
            Target = canonical,
            Host = canonical.Authority,
            PageType = pageType,
            Depth = depth,
        };
        if (!scope.Contains(canonical))
        {
            candidate.Skip = SkipReason.OutOfScope;
            candidate.Message = $"host '{canonical.Host}' is not in the allowed hosts";
        }
        else if (!isStart && !paths.IsEmpty && paths.Rejection(canonical) is { } outside)
        {
            candidate.Skip = SkipReason.OutOfScope;
            candidate.Message = outside;
        }
        else if (maxDepth > 0 && depth > maxDepth)
        {
            candidate.Skip = SkipReason.MaxDepth;
            candidate.Message = $"depth {depth} is beyond Limits.MaxDepth ({maxDepth})";
        }

        return candidate;
    }
}
