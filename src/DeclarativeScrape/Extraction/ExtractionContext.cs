using System.Diagnostics.CodeAnalysis;

namespace DeclarativeScrape;

/// <summary>
/// The state of one page's extraction: the page URL that relative URLs resolve against, the failures recorded so
/// far and the links discovered. Generated extractors write to it; the runtime reads it after each page.
/// </summary>
/// <remarks>Not thread-safe: one context per page being extracted. The runtime reuses one per parse worker.</remarks>
public sealed class ExtractionContext
{
    private static readonly System.Buffers.SearchValues<char> PlainLinkCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/:?#=&;+,!$'()*@");

    private readonly List<ExtractionFailure> _failures = [];
    private readonly List<DiscoveredLink> _links = [];
    private readonly List<(string Property, int Index)> _path = [];

    /// <summary>Creates a context for the page at <paramref name="pageUrl"/>.</summary>
    /// <param name="pageUrl">The absolute URL the page was fetched from (after redirects).</param>
    /// <param name="baseUrl">The document's base URL when it differs (a <c>&lt;base href&gt;</c>); else <paramref name="pageUrl"/>.</param>
    public ExtractionContext(Uri pageUrl, Uri? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        PageUrl = pageUrl;
        BaseUrl = baseUrl ?? pageUrl;
    }

    /// <summary>The URL the page was fetched from, after redirects.</summary>
    public Uri PageUrl { get; private set; }

    /// <summary>The URL that relative links and URLs resolve against.</summary>
    public Uri BaseUrl { get; private set; }

    /// <summary>The failures recorded so far.</summary>
    public IReadOnlyList<ExtractionFailure> Failures => _failures;

    /// <summary>Whether any failure was recorded.</summary>
    public bool HasFailures => _failures.Count > 0;

    /// <summary>The links discovered so far, in document order per property.</summary>
    public IReadOnlyList<DiscoveredLink> Links => _links;

    /// <summary>
    /// The values carried to this page by the link that led to it (<see cref="FollowAttribute.Carry"/>), which its
    /// <see cref="CarriedAttribute"/> properties read; <see langword="null"/> when none were (a start URL). Set by the
    /// runtime before extraction; a test on a saved page may set it.
    /// </summary>
    public CarriedValues? Carried { get; set; }

    /// <summary>The text of the carried value named <paramref name="name"/>, when one was carried.</summary>
    /// <param name="name">The <see cref="CarriedAttribute"/> property's name.</param>
    /// <param name="value">Its invariant text.</param>
    /// <returns>Whether it was carried with a value.</returns>
    public bool TryGetCarried(string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return Carried is { } carried && carried.TryGet(name, out value);
    }

    /// <summary>Attaches <paramref name="values"/> to the links recorded from <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    /// <param name="start">The count of <see cref="Links"/> before the link property was extracted.</param>
    /// <param name="end">The count after it.</param>
    /// <param name="values">The values those links carry.</param>
    public void CarryLinks(int start, int end, CarriedValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var links = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_links);
        for (var i = Math.Max(0, start); i < Math.Min(end, links.Length); i++)
        {
            links[i] = links[i] with { Carried = values };
        }
    }

    /// <summary>Records that <paramref name="property"/> could not be extracted.</summary>
    /// <param name="property">The property name; the current nested path is prefixed to it.</param>
    /// <param name="selector">The property's CSS selector, if it has one.</param>
    /// <param name="message">What went wrong.</param>
    public void AddFailure(string property, string? selector, string message) =>
        _failures.Add(new ExtractionFailure(PageUrl, QualifiedName(property), selector, message));

    /// <summary>Enters the nested item at <paramref name="index"/> of <paramref name="property"/>: failures recorded until <see cref="ExitNested"/> are named <c>Property[index].Inner</c>.</summary>
    /// <param name="property">The <see cref="ItemsAttribute"/> property.</param>
    /// <param name="index">The item's position among the matches, or -1 for a single nested item.</param>
    public void EnterNested(string property, int index) => _path.Add((property, index));

    /// <summary>Leaves the nested item entered last.</summary>
    public void ExitNested() => _path.RemoveAt(_path.Count - 1);

    /// <summary>
    /// Resolves <paramref name="value"/> against <see cref="BaseUrl"/> into an absolute http or https URL.
    /// </summary>
    /// <param name="value">An absolute or relative URL as written in the page; surrounding whitespace is ignored.</param>
    /// <param name="url">The absolute URL, without its fragment.</param>
    /// <returns><see langword="false"/> for empty values, other schemes (<c>mailto:</c>, <c>javascript:</c>) and malformed URLs.</returns>
    public bool TryResolveUrl(string? value, [NotNullWhen(true)] out Uri? url)
    {
        url = null;
        if (value is null || string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        // A plain link's fragment goes before resolving (it never changes what the rest resolves to): one Uri per link
        // instead of three. Only for plain ASCII links: how Uri escapes a '%', white space or other characters can depend
        // on the whole string, fragment included; those take the general way.
        var trimmed = value.AsSpan().Trim();
        var hash = trimmed.IndexOf('#');
        var reference = hash >= 0 && !trimmed.ContainsAnyExcept(PlainLinkCharacters) ? trimmed[..hash] : trimmed;
        var text = reference.Length == value.Length ? value : reference.ToString();
        if (!Uri.TryCreate(BaseUrl, text, out var resolved) || (resolved.Scheme != Uri.UriSchemeHttp && resolved.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        url = resolved.Fragment.Length == 0 ? resolved : new UriBuilder(resolved) { Fragment = string.Empty }.Uri;
        return true;
    }

    /// <summary>
    /// Records a link of <paramref name="property"/> leading to <typeparamref name="TPage"/> and returns it resolved.
    /// A link that does not resolve to an http(s) URL is still recorded, so the runtime can report it as skipped.
    /// </summary>
    /// <typeparam name="TPage">The page type the link leads to.</typeparam>
    /// <param name="property">The <see cref="FollowAttribute"/> property.</param>
    /// <param name="href">The attribute value as written in the page.</param>
    /// <param name="link">The resolved link.</param>
    /// <returns>Whether the link resolved to an absolute http(s) URL.</returns>
    public bool AddLink<TPage>(string property, string href, out Link<TPage> link) =>
        Record(property, href, TryResolveUrl(href, out var url) ? url : null, out link);

    /// <summary>
    /// Records a link of <paramref name="property"/> leading to <typeparamref name="TPage"/> when its resolved URL
    /// passes <paramref name="rules"/>, and returns it resolved. A link the rules leave out is not a link of the page:
    /// it is not recorded. A link that does not resolve to an http(s) URL is recorded, as by
    /// <see cref="AddLink{TPage}(string, string, out Link{TPage})"/>.
    /// </summary>
    /// <typeparam name="TPage">The page type the link leads to.</typeparam>
    /// <param name="property">The <see cref="FollowAttribute"/> property (or <c>FollowLinks</c>).</param>
    /// <param name="href">The attribute value as written in the page.</param>
    /// <param name="rules">The include and exclude patterns the resolved URL must pass.</param>
    /// <param name="link">The resolved link.</param>
    /// <returns>Whether the link resolved to an absolute http(s) URL that passes the rules.</returns>
    public bool AddLink<TPage>(string property, string href, UrlRules rules, out Link<TPage> link)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!TryResolveUrl(href, out var url))
        {
            return Record(property, href, null, out link);
        }

        if (!rules.Allows(url))
        {
            link = default;
            return false;
        }

        return Record(property, href, url, out link);
    }

    private bool Record<TPage>(string property, string href, Uri? url, out Link<TPage> link)
    {
        _links.Add(new DiscoveredLink(typeof(TPage), href, url, QualifiedName(property)));
        link = url is null ? default : new Link<TPage>(url);
        return url is not null;
    }

    /// <summary>Clears the context for the next page (the runtime reuses contexts).</summary>
    /// <param name="pageUrl">The next page's URL.</param>
    /// <param name="baseUrl">The next page's base URL, if it differs.</param>
    internal void Reset(Uri pageUrl, Uri? baseUrl = null)
    {
        PageUrl = pageUrl;
        BaseUrl = baseUrl ?? pageUrl;
        _failures.Clear();
        _links.Clear();
        _path.Clear();
    }

    // Built only when a failure or link is recorded: entering and leaving nested items allocates nothing.
    private string QualifiedName(string property)
    {
        if (_path.Count == 0)
        {
            return property;
        }

        var name = new System.Text.StringBuilder();
        foreach (var (outer, index) in _path)
        {
            name.Append(outer);
            if (index >= 0)
            {
                name.Append('[').Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            }

            name.Append('.');
        }

        return name.Append(property).ToString();
    }
}
