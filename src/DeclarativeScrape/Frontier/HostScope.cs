using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DeclarativeScrape;

/// <summary>
/// The hosts a crawl may visit, built from <see cref="ScrapeOptions.AllowedHosts"/> (or, when that list is empty,
/// from the hosts of <see cref="ScrapeOptions.StartUrls"/>). A URL outside it is skipped as out of scope.
/// </summary>
/// <remarks>
/// <para>An entry is one of:</para>
/// <list type="bullet">
/// <item><c>example.com</c>: that host exactly, on any port (<c>www.example.com</c> is another host);</item>
/// <item><c>*.example.com</c>: <c>example.com</c> itself and every host under it at any depth
/// (<c>www.example.com</c>, <c>a.b.example.com</c>), on any port. The bare domain is included because a crawl
/// scoped to a site almost always starts at, or links back to, its apex; leaving it out would silently drop those
/// pages;</item>
/// <item><c>example.com:8080</c>, <c>*.example.com:8080</c>: the same, on that port only (the port a URL uses,
/// 80 or 443 when it names none);</item>
/// <item>an IP address: <c>127.0.0.1</c>, <c>[::1]</c> (or <c>::1</c>), <c>127.0.0.1:5080</c>, <c>[::1]:5080</c>.</item>
/// </list>
/// <para>Names compare case-insensitively and in their ASCII form (<c>bücher.de</c> and <c>xn--bcher-kva.de</c>
/// are one entry); IP addresses compare by value (<c>[0:0::1]</c> is <c>[::1]</c>); a trailing dot of a name is
/// ignored. Start URLs give exact hosts on any port. Surrounding white space of an entry is ignored; anything else
/// (a URL, a path, user info, a bad port, <c>*</c> alone, a wildcard on an IP address) is refused with a
/// <see cref="ScrapeOptionsException"/> naming <c>AllowedHosts[i]</c>.</para>
/// </remarks>
internal sealed class HostScope
{
    private const string OptionName = nameof(ScrapeOptions.AllowedHosts);
    private const string WildcardPrefix = "*.";

    private readonly Dictionary<string, PortSet> _exact;
    private readonly Dictionary<string, PortSet>.AlternateLookup<ReadOnlySpan<char>> _domains;

    private HostScope(Dictionary<string, PortSet> exact, Dictionary<string, PortSet> domains)
    {
        _exact = exact;
        _domains = domains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Builds the scope of a run.</summary>
    /// <param name="allowedHosts">The entries of <see cref="ScrapeOptions.AllowedHosts"/>; empty to use the start URLs' hosts.</param>
    /// <param name="startUrls">The run's start URLs.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ScrapeOptionsException">An entry is not a host; the exception names <c>AllowedHosts[i]</c>.</exception>
    public static HostScope Create(IEnumerable<string> allowedHosts, IEnumerable<Uri> startUrls)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        ArgumentNullException.ThrowIfNull(startUrls);

        var exact = new Dictionary<string, PortSet>(StringComparer.Ordinal);
        var domains = new Dictionary<string, PortSet>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in allowedHosts)
        {
            var (host, port, wildcard) = ParseEntry(entry, $"{OptionName}[{index}]");
            Add(wildcard ? domains : exact, host, port);
            index++;
        }

        if (index == 0)
        {
            foreach (var url in startUrls)
            {
                if (url is { IsAbsoluteUri: true } && url.Host.Length > 0)
                {
                    Add(exact, HostOf(url), null);
                }
            }
        }

        return new HostScope(exact, domains);
    }

    /// <summary>Whether <paramref name="url"/> is in scope.</summary>
    /// <param name="url">An absolute URL; a relative one is never in scope.</param>
    /// <returns><see langword="true"/> when an entry allows the URL's host and port.</returns>
    public bool Contains(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Host.Length == 0)
        {
            return false;
        }

        var host = HostOf(url);
        var port = url.Port;
        if (_exact.TryGetValue(host, out var ports) && ports.Contains(port))
        {
            return true;
        }

        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return false;
        }

        // The host itself, then each parent domain: a.b.example.com, b.example.com, example.com, com.
        for (var suffix = host.AsSpan(); ; suffix = suffix[(suffix.IndexOf('.') + 1)..])
        {
            if (_domains.TryGetValue(suffix, out ports) && ports.Contains(port))
            {
                return true;
            }

            if (suffix.IndexOf('.') < 0)
            {
                return false;
            }
        }
    }

    private static string HostOf(Uri url) => UrlCanonicalizer.CanonicalHost(url).TrimEnd('.');

    private static void Add(Dictionary<string, PortSet> hosts, string host, int? port)
    {
        hosts.TryGetValue(host, out var ports);
        hosts[host] = ports.With(port);
    }

    private static (string Host, int? Port, bool Wildcard) ParseEntry(string? entry, string name)
    {
        var text = entry?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new ScrapeOptionsException(name, "must be a host name such as 'example.com' or '*.example.com', was empty.");
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            var hint = Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Host.Length > 0 ? $" write the host '{url.Authority}'" : " write the host alone";
            throw new ScrapeOptionsException(name, $"'{text}' is a URL, not a host name:{hint}.");
        }

        if (text.AsSpan().IndexOfAny("/\\?#@ \t") is var bad and >= 0)
        {
            throw new ScrapeOptionsException(name, $"'{text}' is not a host name: '{text[bad]}' may not appear in one.");
        }

        var wildcard = text.StartsWith(WildcardPrefix, StringComparison.Ordinal);
        var authority = wildcard ? text[WildcardPrefix.Length..] : text;
        if (authority.Contains('*', StringComparison.Ordinal))
        {
            throw new ScrapeOptionsException(name, $"'{text}' is not a host name: '*' may only start an entry, as in '*.example.com'.");
        }

        var (hostText, port) = SplitPort(authority, text, name);
        if (!Uri.TryCreate("http://" + hostText + "/", UriKind.Absolute, out var parsed) || parsed.Host.Length == 0)
        {
            throw new ScrapeOptionsException(name, $"'{text}' is not a valid host name or IP address.");
        }

        if (wildcard && parsed.HostNameType is not (UriHostNameType.Dns or UriHostNameType.Basic))
        {
            throw new ScrapeOptionsException(name, $"'{text}' puts a wildcard on an IP address; write the address alone.");
        }

        return (HostOf(parsed), port, wildcard);
    }

    private static (string Host, int? Port) SplitPort(string authority, string entry, string name)
    {
        int colon;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            colon = close < 0 || close == authority.Length - 1 ? -1 : close + 1;
            if (colon > 0 && authority[colon] != ':')
            {
                throw new ScrapeOptionsException(name, $"'{entry}' is not a host name: only ':port' may follow ']'.");
            }
        }
        else if (authority.Count(c => c == ':') > 1)
        {
            // A bare IPv6 address, "::1": it has no room for a port.
            return IPAddress.TryParse(authority, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
                ? ("[" + authority + "]", null)
                : throw new ScrapeOptionsException(name, $"'{entry}' is not a valid host name or IP address (write an IPv6 address with a port as '[::1]:8080').");
        }
        else
        {
            colon = authority.IndexOf(':', StringComparison.Ordinal);
        }

        if (colon < 0)
        {
            return (authority, null);
        }

        var portText = authority[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ScrapeOptionsException(name, $"'{entry}' has an invalid port '{portText}': expected a number from 1 to 65535.");
        }

        return (authority[..colon], port);
    }

    /// <summary>The ports an entry allows: any, or a set.</summary>
    private readonly record struct PortSet(bool AnyPort, int[]? Ports)
    {
        public bool Contains(int port) => AnyPort || (Ports is not null && Array.IndexOf(Ports, port) >= 0);

        public PortSet With(int? port) => port is { } p
            ? this with { Ports = Ports is null ? [p] : [.. Ports, p] }
            : this with { AnyPort = true };
    }
}
