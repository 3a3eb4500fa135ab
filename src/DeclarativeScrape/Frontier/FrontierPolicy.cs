namespace DeclarativeScrape;

/// <summary>
/// The checks a URL meets as it enters the frontier, before the store sees it, in this order: a valid http(s) URL
/// (canonicalized by <see cref="UrlCanonicalizer"/>), within the allowed hosts (<see cref="HostScope"/>), for a
/// discovered link within the path prefix and patterns of <see cref="ScopeOptions"/> (<see cref="PathScope"/>), within
/// <see cref="LimitOptions.MaxDepth"/>; each gets its rank in the run's <see cref="FrontierOrder"/>. The store then
/// dedupes and applies <see cref="LimitOptions.MaxPages"/>.
/// </summary>
internal sealed class FrontierPolicy(HostScope scope, PathScope paths, int maxDepth, FrontierOrder? order = null)
{
    /// <summary>The last authority made, by the text it has in a canonical URL: most links share their page's host.</summary>
    private AuthorityMemo? _lastAuthority;

    /// <summary>A start URL (depth 0): always within the paths of the scope.</summary>
    public FrontierCandidate ForStart(Uri url, int pageType) => For(url, url.OriginalString, pageType, 0, isStart: true);

    /// <summary>An entry of a sitemap (depth 0, but within the path scope as a discovered link is).</summary>
    public FrontierCandidate ForSitemapEntry(Uri url, string written, int pageType) => For(url, written, pageType, 0, isStart: false);

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
            Host = AuthorityOf(canonical),
            PageType = pageType,
            Depth = depth,
            Rank = order?.RankOf(pageType, depth) ?? 0,
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

    // Uri.Authority makes a new string on every call when the port is not the default one; the canonical URL's text
    // holds the same authority (after any user info), so equal text gives an equal authority. Shared by the parse
    // workers: the memo is replaced whole, never changed.
    private string AuthorityOf(Uri canonical)
    {
        var text = canonical.AbsoluteUri.AsSpan(canonical.Scheme.Length + 3);
        var end = text.IndexOfAny('/', '?');
        var authority = end < 0 ? text : text[..end];
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        if (Volatile.Read(ref _lastAuthority) is { } memo && authority.SequenceEqual(memo.Text))
        {
            return memo.Authority;
        }

        var made = canonical.Authority;
        Volatile.Write(ref _lastAuthority, new AuthorityMemo(authority.ToString(), made));
        return made;
    }

    private sealed record AuthorityMemo(string Text, string Authority);
}
