using System.Globalization;

namespace DeclarativeScrape;

/// <summary>
/// A parsed robots.txt (RFC 9309): its groups, merged by product token, each compiled into a <see cref="RobotsPolicy"/>.
/// </summary>
/// <remarks>
/// <para>Parsing never fails: every line that can be read is used, every other line is skipped (RFC 9309 §2.3.1.5).
/// Keys are case-insensitive (<c>user-agent</c>, also <c>useragent</c> and <c>user agent</c>; <c>allow</c>;
/// <c>disallow</c>; <c>crawl-delay</c>); a missing colon after a known key is tolerated (<c>Disallow /</c>); unknown
/// keys such as <c>Sitemap</c> are ignored and do not end a group; <c>#</c> starts a comment; a leading byte order
/// mark, CR, LF and CRLF line ends and surrounding white space are accepted. Only the first
/// <see cref="ParseLimit"/> characters are read (the RFC's 500 KiB minimum), and a line cut by that limit is dropped,
/// because a cut <c>Allow</c> would allow more than written.</para>
/// <para>A group is one or more <c>User-agent</c> lines and the rules after them; rules before the first group are
/// ignored. A user-agent value is read up to the first character that cannot be in a product token
/// (<c>Googlebot/2.1</c> is <c>Googlebot</c>, <c>Foo Bar</c> is <c>Foo</c>); <c>*</c> names every crawler.
/// Groups that name the same token are merged. <c>Crawl-delay</c> is per group, in seconds (<c>2.5</c> is 2.5 s);
/// when merged groups give several, the longest is kept.</para>
/// </remarks>
internal sealed class RobotsTxt
{
    /// <summary>How much of a robots.txt is parsed: 500 KiB, the minimum RFC 9309 §2.5 requires. The fetcher need not read more.</summary>
    public const int ParseLimit = 500 * 1024;

    private const string AnyAgent = "*";

    private readonly Dictionary<string, RobotsPolicy> _policies;

    private RobotsTxt(Dictionary<string, RobotsPolicy> policies) => _policies = policies;

    /// <summary>No rules: for a robots.txt that is missing or answered 4xx (RFC 9309 §2.3.1.3).</summary>
    public static RobotsTxt AllowAll { get; } = new(new Dictionary<string, RobotsPolicy>(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Everything disallowed but <c>/robots.txt</c>: for a robots.txt answered 5xx or unreachable
    /// (RFC 9309 §2.3.1.4), until it can be fetched.
    /// </summary>
    public static RobotsTxt DisallowAll { get; } = new(new Dictionary<string, RobotsPolicy>(StringComparer.OrdinalIgnoreCase)
    {
        [AnyAgent] = new RobotsPolicy([RobotsRule.Create("/", allow: false)!], null),
    });

    /// <summary>Parses a robots.txt. Never throws.</summary>
    /// <param name="content">The file's text (decoded as UTF-8).</param>
    /// <returns>The parsed file.</returns>
    public static RobotsTxt Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = Limit(content.AsSpan()).TrimStart("\uFEFF\uFFFD");

        var rules = new Dictionary<string, List<RobotsRule>>(StringComparer.OrdinalIgnoreCase);
        var delays = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);
        var agents = new List<string>();
        var groupHasRules = false;
        foreach (var rawLine in text.EnumerateLines())
        {
            if (!TrySplit(rawLine, out var key, out var value))
            {
                continue;
            }

            switch (key)
            {
                case Key.UserAgent:
                    if (groupHasRules)
                    {
                        agents.Clear();
                        groupHasRules = false;
                    }

                    if (ProductToken(value) is { } agent)
                    {
                        agents.Add(agent);

                        // Known even without rules: a group without rules allows everything, it does not fall back to '*'.
                        _ = rules.TryAdd(agent, []);
                    }

                    break;

                case Key.Allow or Key.Disallow:
                    groupHasRules = true;
                    if (RobotsRule.Create(value, key == Key.Allow) is { } rule)
                    {
                        foreach (var name in agents)
                        {
                            rules[name].Add(rule);
                        }
                    }

                    break;

                case Key.CrawlDelay:
                    groupHasRules = true;
                    if (TryParseDelay(value, out var delay))
                    {
                        foreach (var name in agents)
                        {
                            delays[name] = delays.TryGetValue(name, out var other) && other > delay ? other : delay;
                        }
                    }

                    break;
            }
        }

        var policies = new Dictionary<string, RobotsPolicy>(rules.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (agent, list) in rules)
        {
            policies[agent] = new RobotsPolicy(list, delays.TryGetValue(agent, out var delay) ? delay : null);
        }

        return new RobotsTxt(policies);
    }

    /// <summary>The rules for a crawler.</summary>
    /// <param name="userAgent">
    /// The crawler's <c>User-Agent</c> header or product token: <c>MyBot/1.0 (+https://example.com/bot)</c> is
    /// matched as <c>MyBot</c>, case-insensitively.
    /// </param>
    /// <returns>The merged group naming the product token; else the <c>*</c> group; else no rules.</returns>
    public RobotsPolicy For(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        if (ProductToken(userAgent) is { } token && token != AnyAgent && _policies.TryGetValue(token, out var policy))
        {
            return policy;
        }

        return _policies.TryGetValue(AnyAgent, out var any) ? any : RobotsPolicy.Unrestricted;
    }

    /// <summary>The content up to <see cref="ParseLimit"/>, without a line the limit cuts.</summary>
    private static ReadOnlySpan<char> Limit(ReadOnlySpan<char> content)
    {
        if (content.Length <= ParseLimit)
        {
            return content;
        }

        var kept = content[..ParseLimit];
        var lastBreak = kept.LastIndexOfAny('\n', '\r');
        var cutInLine = content[ParseLimit] is not ('\n' or '\r');
        return cutInLine ? kept[..(lastBreak + 1)] : kept;
    }

    private static bool TrySplit(ReadOnlySpan<char> line, out Key key, out ReadOnlySpan<char> value)
    {
        key = Key.Unknown;
        value = default;
        var comment = line.IndexOf('#');
        if (comment >= 0)
        {
            line = line[..comment];
        }

        line = line.Trim();
        var separator = line.IndexOf(':');
        var name = separator >= 0 ? line[..separator].Trim() : line;
        key = KeyOf(name);
        if (key == Key.Unknown)
        {
            // No colon after the key: "Disallow /" is read as "Disallow: /".
            var space = line.IndexOfAny(' ', '\t');
            if (space < 0 || (separator >= 0 && separator < space))
            {
                return false;
            }

            separator = space;
            key = KeyOf(line[..space]);
        }

        value = separator >= 0 ? line[(separator + 1)..].Trim() : default;
        return key != Key.Unknown;
    }

    private static Key KeyOf(ReadOnlySpan<char> name)
    {
        if (name.Equals("user-agent", StringComparison.OrdinalIgnoreCase) || name.Equals("useragent", StringComparison.OrdinalIgnoreCase)
            || name.Equals("user agent", StringComparison.OrdinalIgnoreCase))
        {
            return Key.UserAgent;
        }

        if (name.Equals("allow", StringComparison.OrdinalIgnoreCase))
        {
            return Key.Allow;
        }

        if (name.Equals("disallow", StringComparison.OrdinalIgnoreCase))
        {
            return Key.Disallow;
        }

        return name.Equals("crawl-delay", StringComparison.OrdinalIgnoreCase) || name.Equals("crawldelay", StringComparison.OrdinalIgnoreCase)
            ? Key.CrawlDelay
            : Key.Unknown;
    }

    /// <summary>
    /// The product token at the start of a user-agent line or header: letters, digits, <c>-</c> and <c>_</c>, or
    /// <c>*</c>; <see langword="null"/> when there is none.
    /// </summary>
    private static string? ProductToken(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.StartsWith(AnyAgent))
        {
            return AnyAgent;
        }

        var length = 0;
        while (length < value.Length && (char.IsAsciiLetterOrDigit(value[length]) || value[length] is '-' or '_'))
        {
            length++;
        }

        return length == 0 ? null : value[..length].ToString();
    }

    private static bool TryParseDelay(ReadOnlySpan<char> value, out TimeSpan delay)
    {
        // Digits with at most one decimal point: no sign, exponent, NaN or Infinity.
        delay = TimeSpan.Zero;
        if (value.IsEmpty || value.ContainsAnyExcept("0123456789.") || value.Count('.') > 1 || value is "."
            || !double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        delay = seconds >= TimeSpan.MaxValue.TotalSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
        return true;
    }

    private enum Key
    {
        Unknown,
        UserAgent,
        Allow,
        Disallow,
        CrawlDelay,
    }
}
