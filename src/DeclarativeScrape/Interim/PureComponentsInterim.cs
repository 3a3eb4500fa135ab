// TEMPORARY: minimal stand-ins for the pure components another engineer is writing (UrlCanonicalizer, HostScope,
// RetryAfter, RobotsTxt). This file is deleted when they land on main; nothing here is the real behaviour.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DeclarativeScrape;

internal static class UrlCanonicalizer
{
    public static bool TryCanonicalize(Uri url, [NotNullWhen(true)] out Uri? canonical)
    {
        canonical = null;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
        {
            return false;
        }

        canonical = url.Fragment.Length == 0 ? url : new UriBuilder(url) { Fragment = string.Empty }.Uri;
        return true;
    }
}

internal sealed class HostScope
{
    private readonly HashSet<string> _hosts;

    private HostScope(HashSet<string> hosts) => _hosts = hosts;

    public static HostScope Create(IEnumerable<string> allowedHosts, IEnumerable<Uri> startUrls)
    {
        var hosts = new HashSet<string>(allowedHosts.Select(h => h.Trim().ToLowerInvariant()), StringComparer.OrdinalIgnoreCase);
        if (hosts.Count == 0)
        {
            foreach (var url in startUrls)
            {
                hosts.Add(url.Host);
            }
        }

        return new HostScope(hosts);
    }

    public bool Contains(Uri url) =>
        _hosts.Contains(url.Host) || _hosts.Any(h => h.StartsWith("*.", StringComparison.Ordinal) && url.Host.EndsWith(h[1..], StringComparison.OrdinalIgnoreCase));
}

internal static class RetryAfter
{
    public static bool TryParse(string? value, DateTimeOffset now, out TimeSpan delay)
    {
        delay = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            delay = TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue));
            return true;
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            delay = date > now ? date - now : TimeSpan.Zero;
            return true;
        }

        return false;
    }
}

internal sealed class RobotsTxt
{
    private readonly List<(string Agent, List<string> Disallow, TimeSpan? Delay)> _groups;

    private RobotsTxt(List<(string, List<string>, TimeSpan?)> groups) => _groups = groups;

    public static RobotsTxt AllowAll { get; } = new([]);

    public static RobotsTxt DisallowAll { get; } = new([("*", ["/"], null)]);

    public static RobotsTxt Parse(string content)
    {
        var groups = new List<(string, List<string>, TimeSpan?)>();
        string? agent = null;
        List<string> disallow = [];
        TimeSpan? delay = null;
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (agent is not null)
                {
                    groups.Add((agent, disallow, delay));
                }

                agent = value.ToLowerInvariant();
                disallow = [];
                delay = null;
            }
            else if (key == "disallow" && value.Length > 0)
            {
                disallow.Add(value);
            }
            else if (key == "crawl-delay" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
            {
                delay = TimeSpan.FromSeconds(s);
            }
        }

        if (agent is not null)
        {
            groups.Add((agent, disallow, delay));
        }

        return new RobotsTxt(groups);
    }

    public RobotsPolicy For(string userAgent)
    {
        var token = userAgent.Split('/')[0].ToLowerInvariant();
        foreach (var g in _groups)
        {
            if (g.Agent == token)
            {
                return new RobotsPolicy(g.Disallow, g.Delay);
            }
        }

        foreach (var g in _groups)
        {
            if (g.Agent == "*")
            {
                return new RobotsPolicy(g.Disallow, g.Delay);
            }
        }

        return new RobotsPolicy([], null);
    }
}

internal sealed class RobotsPolicy(List<string> disallow, TimeSpan? crawlDelay)
{
    public TimeSpan? CrawlDelay { get; } = crawlDelay;

    public bool IsAllowed(string pathAndQuery) => !disallow.Any(d => pathAndQuery.StartsWith(d, StringComparison.Ordinal));
}
