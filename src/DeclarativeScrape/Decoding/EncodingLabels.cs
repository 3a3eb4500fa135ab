namespace DeclarativeScrape;

/// <summary>
/// The Encoding Standard's labels (§ 4.2 "Names and labels"): every label of every encoding, and each encoding's
/// name. A label is matched after trimming ASCII whitespace, ASCII case-insensitively; anything else (<c>utf-7</c>,
/// <c>utf-32</c>, <c>x-unknown</c>) is not an encoding, and the caller goes on to the next source.
/// </summary>
internal static class EncodingLabels
{
    /// <summary>The longest label (<c>iso-10646-ucs-2</c>, <c>cseucpkdfmtjapanese</c>…); longer text is no label.</summary>
    public const int MaxLength = 19;

    // Every label in ordinal order, and its encoding: a label is found by binary search over spans, with no allocation
    // (and no API newer than netstandard2.0, as the sample check compiles this file for the compiler).
    private static readonly (string Label, EncodingId Encoding)[] Labels = Build();

    /// <summary>Every label, lower case.</summary>
    public static IEnumerable<string> All => Labels.Select(entry => entry.Label);

    /// <summary>The encoding's name as the standard (and <c>document.characterSet</c>) spells it.</summary>
    public static string NameOf(EncodingId encoding) => EncodingLabelList.Encodings[(int)encoding].Name;

    /// <summary>The encoding <paramref name="label"/> names, or <see langword="false"/> when it names none.</summary>
    public static bool TryGet(ReadOnlySpan<char> label, out EncodingId encoding)
    {
        label = label.Trim(" \t\n\f\r");
        if (label.Length is 0 or > MaxLength)
        {
            encoding = default;
            return false;
        }

        Span<char> lower = stackalloc char[MaxLength];
        for (var i = 0; i < label.Length; i++)
        {
            var c = label[i];
            lower[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }

        return TryFind(lower[..label.Length], out encoding);
    }

    /// <summary>The encoding the bytes of <paramref name="label"/> name (each byte read as the code point of its value, as the prescan does).</summary>
    public static bool TryGet(ReadOnlySpan<byte> label, out EncodingId encoding)
    {
        label = label.Trim(" \t\n\f\r"u8);
        if (label.Length is 0 or > MaxLength)
        {
            encoding = default;
            return false;
        }

        Span<char> chars = stackalloc char[MaxLength];
        for (var i = 0; i < label.Length; i++)
        {
            chars[i] = (char)label[i];
        }

        return TryGet(chars[..label.Length], out encoding);
    }

    private static bool TryFind(ReadOnlySpan<char> lower, out EncodingId encoding)
    {
        var low = 0;
        var high = Labels.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = lower.SequenceCompareTo(Labels[middle].Label.AsSpan());
            if (order == 0)
            {
                encoding = Labels[middle].Encoding;
                return true;
            }

            if (order < 0)
            {
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }

        encoding = default;
        return false;
    }

    private static (string Label, EncodingId Encoding)[] Build()
    {
        var labels = new List<(string Label, EncodingId Encoding)>();
        for (var i = 0; i < EncodingLabelList.Encodings.Length; i++)
        {
            foreach (var label in EncodingLabelList.Encodings[i].Labels.Split(' '))
            {
                labels.Add((label, (EncodingId)i));
            }
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Label, b.Label));
        return [.. labels];
    }
}
