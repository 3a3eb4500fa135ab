namespace DeclarativeScrape.Generated;

/// <summary>
/// Include and exclude <see cref="UrlPattern"/>s: a URL passes when it matches an include pattern (or there is none)
/// and no exclude pattern. Generated code builds one per <see cref="FollowAttribute"/> or <see cref="FollowLinksAttribute"/>
/// that has rules, once.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class UrlRules
{
    /// <summary>Rules that let every URL pass.</summary>
    public static readonly UrlRules None = new([], []);

    private UrlRules(UrlPattern[] include, UrlPattern[] exclude)
    {
        Include = include;
        Exclude = exclude;
    }

    /// <summary>The include patterns; empty when every URL is included.</summary>
    public IReadOnlyList<UrlPattern> Include { get; }

    /// <summary>The exclude patterns.</summary>
    public IReadOnlyList<UrlPattern> Exclude { get; }

    /// <summary>Whether there is no rule.</summary>
    public bool IsEmpty => Include.Count == 0 && Exclude.Count == 0;

    /// <summary>Builds rules from patterns (see <see cref="UrlPattern"/>).</summary>
    /// <param name="include">The include patterns; <see langword="null"/> or empty to include every URL.</param>
    /// <param name="exclude">The exclude patterns; <see langword="null"/> for none.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ArgumentException">A pattern is not valid; the message names it.</exception>
    public static UrlRules Create(IEnumerable<string>? include, IEnumerable<string>? exclude)
    {
        var included = include?.Select(UrlPattern.Parse).ToArray() ?? [];
        var excluded = exclude?.Select(UrlPattern.Parse).ToArray() ?? [];
        return included.Length == 0 && excluded.Length == 0 ? None : new UrlRules(included, excluded);
    }

    /// <summary>Whether <paramref name="url"/> passes.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns>Whether it matches an include pattern (or there is none) and no exclude pattern.</returns>
    public bool Allows(Uri url) => Rejection(url) is null;

    /// <summary>Why <paramref name="url"/> does not pass, or <see langword="null"/> when it does.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns>For example <c>it matches the exclude pattern '**.pdf'</c>.</returns>
    public string? Rejection(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (Include.Count > 0)
        {
            var included = false;
            foreach (var pattern in Include)
            {
                if (pattern.IsMatch(url))
                {
                    included = true;
                    break;
                }
            }

            if (!included)
            {
                return Include.Count == 1
                    ? $"it does not match the include pattern '{Include[0].Pattern}'"
                    : $"it matches none of the include patterns ('{string.Join("', '", Include.Select(p => p.Pattern))}')";
            }
        }

        foreach (var pattern in Exclude)
        {
            if (pattern.IsMatch(url))
            {
                return $"it matches the exclude pattern '{pattern.Pattern}'";
            }
        }

        return null;
    }
}
