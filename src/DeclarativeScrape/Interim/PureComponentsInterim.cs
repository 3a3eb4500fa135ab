// TEMPORARY: a minimal stand-in for the robots.txt parser another engineer is writing (RobotsTxt, RobotsPolicy). This file is deleted when they land on main; nothing here is the real behaviour.
using System.Globalization;

namespace DeclarativeScrape;

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
