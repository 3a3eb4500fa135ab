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

    private static readonly string[] Names =
    [
        "IBM866", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7", "ISO-8859-8",
        "ISO-8859-10", "ISO-8859-13", "ISO-8859-14", "ISO-8859-15", "ISO-8859-16", "KOI8-R", "KOI8-U", "macintosh",
        "windows-874", "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254", "windows-1255",
        "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic", "ISO-8859-8-I", "UTF-8", "GBK", "gb18030",
        "Big5", "EUC-JP", "ISO-2022-JP", "Shift_JIS", "EUC-KR", "replacement", "UTF-16BE", "UTF-16LE", "x-user-defined",
    ];

    private static readonly FrozenDictionary<string, EncodingId> Labels = Build();

    private static readonly FrozenDictionary<string, EncodingId>.AlternateLookup<ReadOnlySpan<char>> LabelsBySpan =
        Labels.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every label, lower case.</summary>
    public static IEnumerable<string> All => Labels.Keys;

    /// <summary>The encoding's name as the standard (and <c>document.characterSet</c>) spells it.</summary>
    public static string NameOf(EncodingId encoding) => Names[(int)encoding];

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
        void Add(EncodingId encoding, params string[] names)
        {
            foreach (var name in names)
            {
                labels.Add(name, encoding);
            }
        }

        Add(EncodingId.Utf8, "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8");
        Add(EncodingId.Ibm866, "866", "cp866", "csibm866", "ibm866");
        Add(EncodingId.Iso8859_2, "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2");
        Add(EncodingId.Iso8859_3, "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3");
        Add(EncodingId.Iso8859_4, "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4");
        Add(EncodingId.Iso8859_5, "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988");
        Add(EncodingId.Iso8859_6, "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987");
        Add(EncodingId.Iso8859_7, "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek");
        Add(EncodingId.Iso8859_8, "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual");
        Add(EncodingId.Iso8859_8I, "csiso88598i", "iso-8859-8-i", "logical");
        Add(EncodingId.Iso8859_10, "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6");
        Add(EncodingId.Iso8859_13, "iso-8859-13", "iso8859-13", "iso885913");
        Add(EncodingId.Iso8859_14, "iso-8859-14", "iso8859-14", "iso885914");
        Add(EncodingId.Iso8859_15, "csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9");
        Add(EncodingId.Iso8859_16, "iso-8859-16");
        Add(EncodingId.Koi8R, "cskoi8r", "koi", "koi8", "koi8-r", "koi8_r");
        Add(EncodingId.Koi8U, "koi8-ru", "koi8-u");
        Add(EncodingId.Macintosh, "csmacintosh", "mac", "macintosh", "x-mac-roman");
        Add(EncodingId.Windows874, "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874");
        Add(EncodingId.Windows1250, "cp1250", "windows-1250", "x-cp1250");
        Add(EncodingId.Windows1251, "cp1251", "windows-1251", "x-cp1251");
        Add(EncodingId.Windows1252, "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252");
        Add(EncodingId.Windows1253, "cp1253", "windows-1253", "x-cp1253");
        Add(EncodingId.Windows1254, "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254");
        Add(EncodingId.Windows1255, "cp1255", "windows-1255", "x-cp1255");
        Add(EncodingId.Windows1256, "cp1256", "windows-1256", "x-cp1256");
        Add(EncodingId.Windows1257, "cp1257", "windows-1257", "x-cp1257");
        Add(EncodingId.Windows1258, "cp1258", "windows-1258", "x-cp1258");
        Add(EncodingId.XMacCyrillic, "x-mac-cyrillic", "x-mac-ukrainian");
        Add(EncodingId.Gbk, "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk");
        Add(EncodingId.Gb18030, "gb18030");
        Add(EncodingId.Big5, "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5");
        Add(EncodingId.EucJp, "cseucpkdfmtjapanese", "euc-jp", "x-euc-jp");
        Add(EncodingId.Iso2022Jp, "csiso2022jp", "iso-2022-jp");
        Add(EncodingId.ShiftJis, "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis");
        Add(EncodingId.EucKr, "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949");
        Add(EncodingId.Replacement, "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement");
        Add(EncodingId.Utf16Be, "unicodefffe", "utf-16be");
        Add(EncodingId.Utf16Le, "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le");
        Add(EncodingId.XUserDefined, "x-user-defined");
        return labels.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
