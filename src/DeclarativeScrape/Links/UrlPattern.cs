using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace DeclarativeScrape;

/// <summary>
/// A glob matched against a resolved, canonical URL: the rule of a <see cref="FollowAttribute"/>'s
/// <see cref="FollowAttribute.Include"/>/<see cref="FollowAttribute.Exclude"/>, of <see cref="FollowLinksAttribute"/>,
/// and of the scraper's <see cref="ScopeOptions"/>.
/// </summary>
/// <remarks>
/// <para>What it is matched against: a pattern starting with <c>http://</c> or <c>https://</c> against the whole URL;
/// any other against the URL's path (<c>/docs/intro.html</c>), and its query too (<c>/search?q=x</c>) when the pattern
/// has a <c>?</c>. Such a pattern starts with <c>/</c>, <c>*</c> or <c>{</c>, so it names paths whatever host
/// <c>--url</c> points the crawl at.</para>
/// <para>Syntax: <c>*</c> is any run of characters but <c>/</c> (and but <c>?</c> in a path pattern); <c>**</c> is
/// any run, <c>/</c> included, and <c>**/</c> any run of whole directories, none included (<c>/**/*.html</c>
/// matches <c>/a.html</c> and <c>/a/b/c.html</c>); <c>{html,htm}</c> is one of the alternatives (not nested);
/// everything else is itself, case-sensitive, <c>?</c> included (it is the query's delimiter, not a wildcard).
/// Non-ASCII characters are matched in their percent-encoded UTF-8 form, as canonical URLs spell them.</para>
/// <para>Globs, not regular expressions: URL rules are nearly always "under this path" and "ending in this
/// extension", which a glob says without escaping every <c>.</c> and <c>?</c> and without anchors to forget.</para>
/// </remarks>
public sealed class UrlPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex _regex;
    private readonly bool _wholeUrl;
    private readonly bool _withQuery;

    private UrlPattern(string pattern, Regex regex, bool wholeUrl, bool withQuery)
    {
        Pattern = pattern;
        _regex = regex;
        _wholeUrl = wholeUrl;
        _withQuery = withQuery;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Parses a pattern.</summary>
    /// <param name="pattern">The glob.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentException">The pattern is not valid; the message says why.</exception>
    public static UrlPattern Parse(string pattern) =>
        TryParse(pattern, out var parsed, out var problem) ? parsed : throw new ArgumentException($"'{pattern}' is not a URL pattern: {problem}", nameof(pattern));

    /// <summary>Parses a pattern, or says why it is not one.</summary>
    /// <param name="pattern">The glob.</param>
    /// <param name="parsed">The pattern.</param>
    /// <param name="problem">Why it is not valid.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool TryParse(string? pattern, [NotNullWhen(true)] out UrlPattern? parsed, [NotNullWhen(false)] out string? problem)
    {
        parsed = null;
        problem = UrlPatternSyntax.Problem(pattern);
        if (problem is not null)
        {
            return false;
        }

        var text = pattern!;
        var wholeUrl = UrlPatternSyntax.IsWholeUrl(text);
        var withQuery = !wholeUrl && text.Contains('?', StringComparison.Ordinal);
        var regex = new StringBuilder("^");
        var single = wholeUrl || !withQuery ? "[^/]*" : "[^/?]*";
        var inAlternatives = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                if (i + 2 < text.Length && text[i + 2] == '/')
                {
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i++;
                }
            }
            else if (c == '*')
            {
                regex.Append(single);
            }
            else if (c == '{')
            {
                regex.Append("(?:");
                inAlternatives = true;
            }
            else if (c == '}')
            {
                regex.Append(')');
                inAlternatives = false;
            }
            else if (c == ',' && inAlternatives)
            {
                regex.Append('|');
            }
            else if (c > 0x7f)
            {
                var length = char.IsSurrogatePair(text, i) ? 2 : 1;
                foreach (var b in Encoding.UTF8.GetBytes(text.Substring(i, length)))
                {
                    regex.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }

                i += length - 1;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        parsed = new UrlPattern(text, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout), wholeUrl, withQuery);
        return true;
    }

    /// <summary>Whether <paramref name="url"/> matches the pattern.</summary>
    /// <param name="url">An absolute URL (canonical, as the frontier spells it).</param>
    /// <returns>Whether it matches.</returns>
    public bool IsMatch(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var target = _wholeUrl ? url.AbsoluteUri : _withQuery ? url.PathAndQuery : url.AbsolutePath;
        return _regex.IsMatch(target);
    }

    /// <summary>Returns the pattern.</summary>
    public override string ToString() => Pattern;
}
