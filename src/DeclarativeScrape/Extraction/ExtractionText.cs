using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace DeclarativeScrape.Generated;

/// <summary>
/// Text helpers that generated extractors call: text content with whitespace collapsed, and the
/// <see cref="MatchAttribute"/> capture.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ExtractionText
{
    /// <summary>The time one <see cref="MatchAttribute"/> pattern may take on one value before it counts as no match.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>
    /// The text content of <paramref name="node"/> (every descendant text node, in document order) with each run of
    /// whitespace collapsed to one space and both ends trimmed, built in one pass without the intermediate string of
    /// <see cref="INode.TextContent"/>.
    /// </summary>
    /// <param name="node">An element (or any node).</param>
    /// <returns>The normalised text; empty when there is none.</returns>
    public static string NormalizedText(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is IText text)
        {
            return Normalize(text.Data);
        }

        // Most matched elements hold a single text node: normalise it without copying.
        var children = node.ChildNodes;
        if (children.Length == 1 && children[0] is IText only)
        {
            return Normalize(only.Data);
        }

        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        builder.Clear();
        var pendingSpace = false;
        AppendCollapsed(node, builder, ref pendingSpace);
        var result = builder.ToString();
        if (builder.Capacity <= 16 * 1024)
        {
            t_builder = builder;
        }

        return result;
    }

    /// <summary>
    /// Collapses every run of whitespace (including no-break spaces) in <paramref name="value"/> to one space and trims
    /// both ends. Returns <paramref name="value"/> itself when it is already normalised.
    /// </summary>
    /// <param name="value">The raw text.</param>
    /// <returns>The normalised text.</returns>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsNormalized(value))
        {
            return value;
        }

        var span = value.AsSpan().Trim();
        return string.Create(CollapsedLength(span), value, static (destination, source) =>
        {
            var written = 0;
            var inSpace = false;
            foreach (var c in source.AsSpan().Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    inSpace = true;
                    continue;
                }

                if (inSpace)
                {
                    destination[written++] = ' ';
                    inSpace = false;
                }

                destination[written++] = c;
            }
        });
    }

    /// <summary>
    /// Applies a <see cref="MatchAttribute"/> pattern: the group named <c>value</c> if the pattern has one, else the
    /// first capturing group, else the whole match.
    /// </summary>
    /// <param name="pattern">The compiled pattern (see <see cref="CreatePattern"/>).</param>
    /// <param name="input">The extracted text.</param>
    /// <param name="value">The capture.</param>
    /// <returns><see langword="false"/> when the pattern does not match (or times out).</returns>
    public static bool TryMatch(Regex pattern, string input, out string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(input);
        Match match;
        try
        {
            match = pattern.Match(input);
        }
        catch (RegexMatchTimeoutException)
        {
            value = string.Empty;
            return false;
        }

        if (!match.Success)
        {
            value = string.Empty;
            return false;
        }

        var groups = match.Groups;
        if (groups.TryGetValue("value", out var named) && named.Success)
        {
            value = named.Value;
        }
        else if (groups.Count > 1 && groups[1].Success)
        {
            value = groups[1].Value;
        }
        else
        {
            value = match.Value;
        }

        return true;
    }

    /// <summary>
    /// Compiles a <see cref="MatchAttribute"/> pattern once: culture-invariant, with <see cref="MatchTimeout"/>.
    /// Generated code keeps the result in a <see langword="static readonly"/> field.
    /// </summary>
    /// <param name="pattern">The pattern, already checked at compile time.</param>
    /// <returns>The regular expression.</returns>
    public static Regex CreatePattern(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);

    private static bool IsNormalized(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                if (previousSpace || c != ' ')
                {
                    return false;
                }

                previousSpace = true;
            }
            else
            {
                previousSpace = false;
            }
        }

        return true;
    }

    private static int CollapsedLength(ReadOnlySpan<char> trimmed)
    {
        var length = 0;
        var inSpace = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace)
            {
                length++;
                inSpace = false;
            }

            length++;
        }

        return length;
    }

    private static void AppendCollapsed(INode node, StringBuilder builder, ref bool pendingSpace)
    {
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IText text)
            {
                foreach (var c in text.Data)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        pendingSpace = builder.Length > 0;
                        continue;
                    }

                    if (pendingSpace)
                    {
                        builder.Append(' ');
                        pendingSpace = false;
                    }

                    builder.Append(c);
                }
            }
            else if (child is IElement)
            {
                AppendCollapsed(child, builder, ref pendingSpace);
            }
        }
    }
}
