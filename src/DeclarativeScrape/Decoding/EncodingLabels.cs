using System.Collections.Frozen;

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

    private static readonly FrozenDictionary<string, EncodingId> Labels = Build();

    private static readonly FrozenDictionary<string, EncodingId>.AlternateLookup<ReadOnlySpan<char>> LabelsBySpan =
        Labels.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every label, lower case.</summary>
    public static IEnumerable<string> All => Labels.Keys;

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

        return LabelsBySpan.TryGetValue(lower[..label.Length], out encoding);
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

    private static FrozenDictionary<string, EncodingId> Build()
    {
        var labels = new Dictionary<string, EncodingId>(StringComparer.Ordinal);
        for (var i = 0; i < EncodingLabelList.Encodings.Length; i++)
        {
            foreach (var label in EncodingLabelList.Encodings[i].Labels.Split(' '))
            {
                labels.Add(label, (EncodingId)i);
            }
        }

        return labels.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
