using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DeclarativeScrape;

/// <summary>
/// Turns an http(s) URL into the one spelling the frontier dedupes on, so that two URLs that name the same resource
/// by the rules of RFC 3986 §6.2.2 get the same key, and two that may name different resources never do.
/// </summary>
/// <remarks>
/// <para>What changes:</para>
/// <list type="bullet">
/// <item>scheme and host are lower-cased; an internationalised host becomes its ASCII (punycode) form; IP addresses
/// take the form <see cref="Uri"/> gives them (IPv4 dotted decimal, IPv6 compressed in brackets, without zone);</item>
/// <item>the default port (80 for http, 443 for https) is removed; any other port is kept;</item>
/// <item>an empty path becomes <c>/</c>; <c>.</c> and <c>..</c> segments are removed (also when written
/// <c>%2E</c>);</item>
/// <item>the fragment is removed;</item>
/// <item>percent-encoding is normalised in user info, path and query: hex digits upper-case; an encoded unreserved
/// character (<c>A-Z a-z 0-9 - . _ ~</c>) is decoded; an encoded reserved or other character stays encoded
/// (<c>/a%2Fb</c> is not <c>/a/b</c>); a character that may not appear raw (space, <c>"</c>, <c>&lt;</c>, non-ASCII, …)
/// is encoded, non-ASCII as UTF-8; a <c>%</c> not followed by two hex digits becomes <c>%25</c>.</item>
/// </list>
/// <para>What does not change: the case of path and query, their order (the query is not sorted), an empty query
/// (<c>/a?</c> stays distinct from <c>/a</c>, as RFC 3986 §6.2.3 asks for an empty component's delimiter), a
/// trailing dot of a host name, repeated slashes (<c>/a//b</c>), <c>+</c> in a query (it is not a space), and user
/// info.</para>
/// <para>The canonical string is built here, never by <see cref="Uri.ToString"/> (which unescapes) or by
/// <see cref="Uri.AbsoluteUri"/> of the input (which keeps lower-case hex and leaves reserved characters as written);
/// the canonical <see cref="Uri"/> round-trips it: its <see cref="Uri.AbsoluteUri"/> is exactly that string.</para>
/// </remarks>
internal static class UrlCanonicalizer
{
    /// <summary>The characters of a host name that canonicalization leaves as it is (and of an IPv4 address).</summary>
    private static readonly System.Buffers.SearchValues<char> LowerHostCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");

    /// <summary>Canonicalizes <paramref name="url"/>.</summary>
    /// <param name="url">Any URL.</param>
    /// <param name="canonical">The canonical form, when the result is <see langword="true"/>.</param>
    /// <returns><see langword="false"/> when <paramref name="url"/> is not an absolute http or https URL with a host.</returns>
    public static bool TryCanonicalize(Uri url, [NotNullWhen(true)] out Uri? canonical)
    {
        ArgumentNullException.ThrowIfNull(url);
        canonical = null;
        if (!url.IsAbsoluteUri
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || url.Host.Length == 0)
        {
            return false;
        }

        // Most links are canonical already (a docs page's 200 links resolved against it): keep the URL itself.
        if (IsCanonical(url))
        {
            canonical = url;
            return true;
        }

        return TryBuild(url, out canonical);
    }

    /// <summary>The canonical form built from <paramref name="url"/>'s parts (an absolute http(s) URL with a host).</summary>
    internal static bool TryBuild(Uri url, [NotNullWhen(true)] out Uri? canonical)
    {
        var builder = new StringBuilder(url.OriginalString.Length + 16);
        builder.Append(url.Scheme).Append("://");

        var userInfo = url.UserInfo;
        if (userInfo.Length > 0)
        {
            PercentEncoding.AppendNormalized(builder, userInfo);
            builder.Append('@');
        }

        // A host IDNA refuses (Uri accepts more than it can convert) is not a URL the crawl can fetch.
        string host;
        try
        {
            host = CanonicalHost(url);
        }
        catch (UriFormatException)
        {
            canonical = null;
            return false;
        }

        builder.Append(host);
        if (!url.IsDefaultPort)
        {
            builder.Append(':').Append(url.Port);
        }

        var pathStart = builder.Length;
        var path = url.AbsolutePath;
        PercentEncoding.AppendNormalized(builder, path.Length == 0 ? "/" : path);
        if (builder[pathStart] != '/')
        {
            builder.Insert(pathStart, '/');
        }

        RemoveDotSegments(builder, pathStart);

        // Uri.Query keeps the '?' of an empty query: "/a?" gives "?", "/a" gives "".
        PercentEncoding.AppendNormalized(builder, url.Query);

        return Uri.TryCreate(builder.ToString(), UriKind.Absolute, out canonical);
    }

    /// <summary>The string the frontier dedupes on: the canonical URL's <see cref="Uri.AbsoluteUri"/>.</summary>
    /// <param name="canonical">A URL returned by <see cref="TryCanonicalize"/>.</param>
    /// <returns>The canonical spelling, ordinal-comparable.</returns>
    public static string CanonicalKey(Uri canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return canonical.AbsoluteUri;
    }

    /// <summary>The host as it appears in a canonical URL: punycode and lower-case, or an IP address as Uri writes it.</summary>
    /// <param name="url">An absolute URL with a host.</param>
    /// <returns>The canonical host, IPv6 addresses in brackets.</returns>
    internal static string CanonicalHost(Uri url) => url.HostNameType switch
    {
        // Host keeps the brackets and drops a zone id; IdnHost would do the opposite.
        UriHostNameType.IPv6 or UriHostNameType.IPv4 => url.Host.ToLowerInvariant(),
        _ => url.IdnHost.ToLowerInvariant(),
    };

    /// <summary>
    /// Whether the slow path would give <paramref name="url"/>'s own <see cref="Uri.AbsoluteUri"/> (an http(s) URL
    /// whose scheme is checked by the caller): no user info, a lower-case ASCII host name or an IPv4 address (no IPv6
    /// address, no punycode to make), a non-default port or none, a path and query whose percent-encoding is already normal
    /// (<see cref="PercentEncoding.IsNormal"/>), no dot segment and no fragment. Then the canonical URL is
    /// <paramref name="url"/> itself. The tests hold this to the slow path on every link of the docs corpora and
    /// thousands of mutations of them.
    /// </summary>
    internal static bool IsCanonical(Uri url)
    {
        var hostType = url.HostNameType;
        if (hostType is not (UriHostNameType.Dns or UriHostNameType.IPv4) || url.UserInfo.Length > 0)
        {
            return false;
        }

        var text = url.AbsoluteUri.AsSpan();
        var authority = url.Scheme.Length + 3;
        var pathStart = text[authority..].IndexOf('/');
        if (pathStart < 0 || text.Contains('#'))
        {
            return false;
        }

        pathStart += authority;
        var host = text[authority..pathStart];
        var colon = host.IndexOf(':');
        var name = colon < 0 ? host : host[..colon];
        if (name.Length == 0 || name[^1] == '.' || name.ContainsAnyExcept(LowerHostCharacters) || name.StartsWith("xn--", StringComparison.Ordinal) || name.Contains(".xn--", StringComparison.Ordinal))
        {
            return false;
        }

        if (colon >= 0 ? url.IsDefaultPort || host[(colon + 1)..].ContainsAnyExceptInRange('0', '9') : !url.IsDefaultPort)
        {
            return false;
        }

        var pathAndQuery = text[pathStart..];
        var query = pathAndQuery.IndexOf('?');
        var path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        return PercentEncoding.IsNormal(pathAndQuery) && !HasDotSegment(path);
    }

    /// <summary>RFC 3986 §5.2.4 on the path that starts at <paramref name="start"/> and runs to the end of the builder.</summary>
    private static void RemoveDotSegments(StringBuilder builder, int start)
    {
        var path = builder.ToString(start, builder.Length - start);
        if (!HasDotSegment(path))
        {
            return;
        }

        var output = new List<string>();
        var segments = path.Split('/');

        // segments[0] is the empty string before the leading '/'.
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else
            {
                output.Add(segment);
            }
        }

        builder.Length = start;
        foreach (var segment in output)
        {
            builder.Append('/').Append(segment);
        }

        if (output.Count == 0)
        {
            builder.Append('/');
        }
    }

    private static bool HasDotSegment(ReadOnlySpan<char> path)
    {
        // A segment is "." or ".." when a '.' follows a '/' and the segment ends within two characters.
        for (var i = path.IndexOf("/.", StringComparison.Ordinal); i >= 0;)
        {
            var end = path[(i + 1)..].IndexOf('/');
            var length = end < 0 ? path.Length - i - 1 : end;
            if (length == 1 || (length == 2 && path[i + 2] == '.'))
            {
                return true;
            }

            var next = path[(i + 1)..].IndexOf("/.", StringComparison.Ordinal);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }
}
