namespace DeclarativeScrape;

/// <summary>
/// One <c>Allow</c> or <c>Disallow</c> line of a robots.txt group, compiled once at parse time into the literal pieces
/// between its <c>*</c> wildcards, so matching is a few ordinal searches (no regular expression).
/// </summary>
internal sealed class RobotsRule
{
    private readonly string[] _pieces;
    private readonly bool _anchored;

    private RobotsRule(string pattern, string[] pieces, bool anchored, bool allow)
    {
        Pattern = pattern;
        _pieces = pieces;
        _anchored = anchored;
        IsAllow = allow;
    }

    /// <summary>Whether this is an <c>Allow</c> line (else <c>Disallow</c>).</summary>
    public bool IsAllow { get; }

    /// <summary>The normalised pattern: percent-encoding normalised, a literal <c>$</c> as <c>%24</c>.</summary>
    public string Pattern { get; }

    /// <summary>How specific the rule is: the length of <see cref="Pattern"/> in octets (RFC 9309 §2.2.2).</summary>
    public int Specificity => Pattern.Length;

    /// <summary>Compiles the value of an <c>Allow</c> or <c>Disallow</c> line.</summary>
    /// <param name="value">The value, trimmed, comment removed.</param>
    /// <param name="allow">Whether the line is <c>Allow</c>.</param>
    /// <returns>The rule; <see langword="null"/> for an empty value (or a lone <c>$</c>), which restricts nothing.</returns>
    /// <remarks>
    /// <c>*</c> matches any run of characters; <c>$</c> at the end anchors the pattern at the end of the URL, anywhere
    /// else it is a literal; <c>%2A</c> and <c>%24</c> are a literal <c>*</c> and <c>$</c>. A value that starts with
    /// neither <c>/</c> nor <c>*</c> (<c>Disallow: private/</c>) is read as starting with <c>/</c>: the path of a URL
    /// always does, and obeying the evident intent is the polite reading.
    /// </remarks>
    public static RobotsRule? Create(ReadOnlySpan<char> value, bool allow)
    {
        var anchored = value.EndsWith("$");
        var text = (anchored ? value[..^1] : value).ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (text[0] != '/' && text[0] != '*')
        {
            text = "/" + text;
        }

        var pieces = text.Split('*');
        for (var i = 0; i < pieces.Length; i++)
        {
            // A '$' that is not at the end is a literal; written %24 it matches the URL's '$', which is encoded too.
            pieces[i] = PercentEncoding.Normalize(pieces[i]).Replace("$", "%24", StringComparison.Ordinal);
        }

        var pattern = string.Join('*', pieces) + (anchored ? "$" : string.Empty);
        return new RobotsRule(pattern, pieces, anchored, allow);
    }

    /// <summary>Whether the rule matches <paramref name="path"/>, a path and query normalised by <see cref="RobotsPolicy"/>.</summary>
    /// <param name="path">The normalised path and query.</param>
    /// <returns><see langword="true"/> when the pattern matches from the first character.</returns>
    public bool Matches(ReadOnlySpan<char> path)
    {
        var first = _pieces[0];
        if (!path.StartsWith(first, StringComparison.Ordinal))
        {
            return false;
        }

        if (_pieces.Length == 1)
        {
            return !_anchored || path.Length == first.Length;
        }

        // Each middle piece at its leftmost place: with '*' as the only wildcard, leftmost is never worse.
        var position = first.Length;
        for (var i = 1; i < _pieces.Length - 1; i++)
        {
            var found = path[position..].IndexOf(_pieces[i], StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position += found + _pieces[i].Length;
        }

        var last = _pieces[^1];
        return _anchored
            ? path.Length - last.Length >= position && path.EndsWith(last, StringComparison.Ordinal)
            : path[position..].IndexOf(last, StringComparison.Ordinal) >= 0;
    }

    /// <inheritdoc/>
    public override string ToString() => (IsAllow ? "Allow: " : "Disallow: ") + Pattern;
}
