using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Net;

namespace DeclarativeScrape.Generators.Parsing
{
    /// <summary>
    /// What a start URL must be (DS0009), and, for a relative one, the absolute URLs a code fix can offer from the
    /// scraper's <c>[AllowedHosts]</c>: one per host, in the hosts' order.
    /// </summary>
    internal static class StartUrlRules
    {
        /// <summary>A DS0009 diagnostic's properties: <c>AbsoluteUrl0</c>, <c>AbsoluteUrl1</c>, … one per allowed host.</summary>
        public const string AbsoluteUrlProperty = "AbsoluteUrl";

        /// <summary>Whether <paramref name="url"/> is an absolute http or https URL with a host and no surrounding white space.</summary>
        public static bool IsAbsoluteHttp(string? url) =>
            url is not null
            && Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && url.Trim().Length == url.Length
            && !string.IsNullOrEmpty(parsed.Host);

        /// <summary>
        /// The diagnostic properties for a start URL that is not absolute: <paramref name="url"/> made absolute on each
        /// of <paramref name="hosts"/> (<c>/catalogue/</c> → <c>https://books.example/catalogue/</c>; <c>*.example.com</c>
        /// gives <c>example.com</c>, which it includes; a loopback host gets <c>http</c>, which a local site serves), or
        /// the missing scheme alone when the URL starts with an allowed host (<c>books.example/catalogue/</c> →
        /// <c>https://books.example/catalogue/</c>). <see langword="null"/> when there is nothing sensible to offer: no
        /// host, a URL with a scheme of its own (<c>ftp:</c>, <c>mailto:</c>), empty, protocol-relative, or with white
        /// space or control characters.
        /// </summary>
        public static ImmutableDictionary<string, string?>? AbsoluteCandidates(string? url, IReadOnlyList<string> hosts)
        {
            if (hosts.Count == 0 || string.IsNullOrEmpty(url) || url!.StartsWith("//", StringComparison.Ordinal) || HasSpaceOrControl(url)
                || !Uri.TryCreate(url, UriKind.Relative, out _))
            {
                return null;
            }

            var candidates = new List<string>();
            var first = url.Split('/', '?', '#')[0];
            if (Authority(first) is { } named && hosts.Any(h => Allows(h, named)))
            {
                // 'books.example/catalogue/': the host is there, only the scheme is missing.
                candidates.Add(Scheme(named) + "://" + url);
            }
            else
            {
                foreach (var host in hosts)
                {
                    var authority = Authority(host)!;
                    candidates.Add(Scheme(authority) + "://" + authority + (url[0] == '/' ? url : "/" + url));
                }
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            foreach (var candidate in candidates)
            {
                if (IsAbsoluteHttp(candidate) && !properties.ContainsValue(candidate))
                {
                    properties = properties.Add(AbsoluteUrlProperty + properties.Count.ToString(CultureInfo.InvariantCulture), candidate);
                }
            }

            return properties.IsEmpty ? null : properties;
        }

        /// <summary>An allowed-host entry as a URL's authority: <c>*.example.com:8080</c> → <c>example.com:8080</c>, <c>::1</c> → <c>[::1]</c>.</summary>
        private static string? Authority(string entry)
        {
            var authority = entry.StartsWith("*.", StringComparison.Ordinal) ? entry.Substring(2) : entry;
            if (authority.IndexOf(':') != authority.LastIndexOf(':') && authority[0] != '[')
            {
                authority = "[" + authority + "]";
            }

            return Uri.TryCreate("http://" + authority + "/", UriKind.Absolute, out var parsed) && parsed.Host.Length > 0 ? authority : null;
        }

        /// <summary>Whether the allowed-host <paramref name="entry"/> covers <paramref name="authority"/> (as the crawl's scope does, ports aside).</summary>
        private static bool Allows(string entry, string authority)
        {
            var host = HostOf(authority);
            var wildcard = entry.StartsWith("*.", StringComparison.Ordinal);
            var allowed = HostOf(Authority(entry) ?? entry);
            return string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase)
                || (wildcard && host.EndsWith("." + allowed, StringComparison.OrdinalIgnoreCase));
        }

        private static string HostOf(string authority) =>
            Uri.TryCreate("http://" + authority + "/", UriKind.Absolute, out var parsed) ? parsed.Host : authority;

        /// <summary><c>http</c> for a loopback host (a local site has no certificate), <c>https</c> for any other.</summary>
        private static string Scheme(string authority)
        {
            var host = HostOf(authority).Trim('[', ']');
            var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
            return loopback ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
        }

        private static bool HasSpaceOrControl(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
