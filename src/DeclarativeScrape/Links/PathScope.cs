namespace DeclarativeScrape;

/// <summary>The part of <see cref="ScopeOptions"/> checked on a discovered URL after its host: path prefix, then include/exclude patterns.</summary>
internal sealed class PathScope
{
    private readonly string? _prefix;
    private readonly UrlRules _rules;

    private PathScope(string? prefix, UrlRules rules)
    {
        _prefix = prefix;
        _rules = rules;
    }

    /// <summary>A scope that lets every path through.</summary>
    public static readonly PathScope None = new(null, UrlRules.None);

    /// <summary>Whether it lets every URL through (nothing to check).</summary>
    public bool IsEmpty => _prefix is null && _rules.IsEmpty;

    /// <summary>Builds the scope of validated options.</summary>
    public static PathScope Create(ScopeOptions options) => new(options.PathPrefix, UrlRules.Create(options.Include, options.Exclude));

    /// <summary>Why <paramref name="url"/> is out of scope, or <see langword="null"/>.</summary>
    /// <param name="url">A canonical URL.</param>
    public string? Rejection(Uri url)
    {
        if (_prefix is not null && !url.AbsolutePath.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return $"its path '{url.AbsolutePath}' is not under Scope.PathPrefix '{_prefix}'";
        }

        return _rules.Rejection(url) is { } why ? "Scope: " + why : null;
    }
}
