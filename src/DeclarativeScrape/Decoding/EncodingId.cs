namespace DeclarativeScrape;

/// <summary>
/// The encodings of the WHATWG Encoding Standard, the only ones browsers decode pages with. The single-byte
/// encodings come first, in the order of their tables in <c>Indexes/single-byte.bin</c>.
/// </summary>
internal enum EncodingId : byte
{
    Ibm866,
    Iso8859_2,
    Iso8859_3,
    Iso8859_4,
    Iso8859_5,
    Iso8859_6,
    Iso8859_7,
    Iso8859_8,
    Iso8859_10,
    Iso8859_13,
    Iso8859_14,
    Iso8859_15,
    Iso8859_16,
    Koi8R,
    Koi8U,
    Macintosh,
    Windows874,
    Windows1250,
    Windows1251,
    Windows1252,
    Windows1253,
    Windows1254,
    Windows1255,
    Windows1256,
    Windows1257,
    Windows1258,
    XMacCyrillic,

    /// <summary>Decodes as <see cref="Iso8859_8"/>; a different name (logical order) for the same bytes.</summary>
    Iso8859_8I,
    Utf8,
    Gbk,
    Gb18030,
    Big5,
    EucJp,
    Iso2022Jp,
    ShiftJis,
    EucKr,
    Replacement,
    Utf16Be,
    Utf16Le,
    XUserDefined,
}
