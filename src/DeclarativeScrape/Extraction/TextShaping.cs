using System.Diagnostics.CodeAnalysis;

namespace DeclarativeScrape.Generated;

/// <summary>
/// The text shaping that generated extractors call for <see cref="TrimAttribute"/> and <see cref="SplitAttribute"/>
/// (a <see cref="ReplaceAttribute"/> is a plain ordinal <see cref="string.Replace(string, string?, StringComparison)"/>).
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class TextShaping
{
    /// <summary>Trims white space and every character of <paramref name="characters"/> from both ends of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="characters">The characters trimmed besides white space.</param>
    /// <returns>The trimmed text; <paramref name="text"/> itself when nothing is trimmed.</returns>
    public static string Trim(string text, string characters)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(characters);
        var start = 0;
        var end = text.Length;
        while (start < end && IsTrimmed(text[start], characters))
        {
            start++;
        }

        while (end > start && IsTrimmed(text[end - 1], characters))
        {
            end--;
        }

        return start == 0 && end == text.Length ? text : text[start..end];
    }

    /// <summary>
    /// Splits <paramref name="text"/> on <paramref name="separator"/> (parts trimmed, empty parts dropped) and takes
    /// <paramref name="count"/> parts from <paramref name="index"/> on (negative: from the end), joined by the separator.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="separator">The separator, compared ordinally.</param>
    /// <param name="index">The first part kept: 0 the first, −1 the last.</param>
    /// <param name="count">How many parts are kept (fewer when the text has fewer after <paramref name="index"/>).</param>
    /// <param name="part">The parts kept.</param>
    /// <returns>Whether the text has part <paramref name="index"/>.</returns>
    public static bool TrySplit(string text, string separator, int index, int count, [NotNullWhen(true)] out string? part)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(separator);
        var parts = text.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var first = index < 0 ? parts.Length + index : index;
        if (first < 0 || first >= parts.Length)
        {
            part = null;
            return false;
        }

        var taken = Math.Min(Math.Max(count, 1), parts.Length - first);
        part = taken == 1 ? parts[first] : string.Join(separator, parts, first, taken);
        return true;
    }

    private static bool IsTrimmed(char c, string characters) => char.IsWhiteSpace(c) || characters.Contains(c, StringComparison.Ordinal);
}
