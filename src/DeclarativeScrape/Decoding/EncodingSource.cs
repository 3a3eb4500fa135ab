namespace DeclarativeScrape;

/// <summary>Where the encoding a page was decoded with came from, in the order they are tried.</summary>
public enum EncodingSource
{
    /// <summary>A byte order mark at the start of the body (UTF-8, UTF-16BE or UTF-16LE); it wins over everything.</summary>
    ByteOrderMark,

    /// <summary>The scraper's own setting (<c>ScrapeOptions.PageEncoding</c>), for a site whose labels are wrong.</summary>
    Override,

    /// <summary>The <c>charset</c> of the HTTP <c>Content-Type</c> header.</summary>
    ContentType,

    /// <summary>A <c>&lt;meta charset&gt;</c>, a <c>&lt;meta http-equiv="Content-Type"&gt;</c> or an XML declaration found by the HTML prescan.</summary>
    Meta,

    /// <summary>Nothing named an encoding the standard knows: windows-1252, as browsers with an English locale read such a page.</summary>
    Default,
}
