namespace DeclarativeScrape;

/// <summary>What the runtime and the host know of a <see cref="ScrapeOptions.StateDatabase"/> URI without its provider.</summary>
internal static class StateUris
{
    /// <summary>Whether <paramref name="value"/> is a URI (<c>scheme://…</c>) rather than a directory path.</summary>
    public static bool IsUri(string value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        return scheme > 1 && value[..scheme].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    /// <summary>Whether <paramref name="uri"/> names a PostgreSQL database (<c>postgresql://</c> or <c>postgres://</c>).</summary>
    public static bool IsPostgreSql(string uri) =>
        uri.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The URI with the password in its user part, or in a <c>password</c> parameter, replaced by <c>***</c>: what messages and logs show.</summary>
    public static string Redact(string uri)
    {
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return uri;
        }

        var start = scheme + 3;
        var end = uri.IndexOfAny(['/', '?'], start);
        var authority = end < 0 ? uri[start..] : uri[start..end];
        var at = authority.LastIndexOf('@');
        if (at >= 0 && authority.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 && colon < at)
        {
            authority = authority[..(colon + 1)] + "***" + authority[at..];
        }

        var redacted = uri[..start] + authority + (end < 0 ? "" : uri[end..]);
        var p = redacted.IndexOf("password=", StringComparison.OrdinalIgnoreCase);
        if (p > 0 && redacted[p - 1] is '?' or '&')
        {
            var stop = redacted.IndexOf('&', p);
            redacted = redacted[..(p + 9)] + "***" + (stop < 0 ? "" : redacted[stop..]);
        }

        return redacted;
    }
}
