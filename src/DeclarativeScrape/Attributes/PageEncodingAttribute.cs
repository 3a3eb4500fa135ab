namespace DeclarativeScrape;

/// <summary>
/// The encoding every page of the scraper is decoded with, instead of the <c>charset</c> of its <c>Content-Type</c>
/// header and its <c>&lt;meta&gt;</c>: for a site whose labels are wrong or missing (a byte order mark still wins).
/// A label of the WHATWG Encoding Standard; another is the compile-time error DS0010. Sets
/// <see cref="ScrapeOptions.PageEncoding"/>.
/// </summary>
/// <example><c>[PageEncoding("windows-1251")]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PageEncodingAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="label">An encoding label such as <c>"utf-8"</c>, <c>"windows-1251"</c>, <c>"shift_jis"</c>, <c>"gbk"</c>.</param>
    public PageEncodingAttribute(string label) => Label = label;

    /// <summary>The encoding label.</summary>
    public string Label { get; }
}
