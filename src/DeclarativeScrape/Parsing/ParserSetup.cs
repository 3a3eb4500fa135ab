using AngleSharp;
using AngleSharp.Html.Parser;

namespace DeclarativeScrape;

/// <summary>
/// The one AngleSharp configuration every parse worker's browsing context is created from, and the parser options.
/// </summary>
/// <remarks>
/// <para><see cref="Configuration.Default"/>: no loaders, no scripting engine, no CSS: nothing is fetched or run.</para>
/// <para>Options, each chosen for scraping (see docs/crawling.md for the measurements):</para>
/// <list type="bullet">
/// <item><c>IsScripting = false</c>: <c>&lt;noscript&gt;</c> content is parsed as markup, as a scraper sees it.</item>
/// <item><c>IsKeepingSourceReferences = false</c> and <c>DisableElementPositionTracking = true</c>: no source
/// position per node (less memory and time; extractors never need positions).</item>
/// <item><c>SkipComments = true</c>: comments are never extracted, so they are not built.</item>
/// <item><c>SkipProcessingInstructions = true</c>: likewise.</item>
/// </list>
/// <para>Script and style text are kept: a scraper may read JSON-LD from a <c>&lt;script&gt;</c>.</para>
/// </remarks>
internal static class ParserSetup
{
    public static readonly IConfiguration Configuration = AngleSharp.Configuration.Default;

    public static readonly HtmlParserOptions Options = new()
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        DisableElementPositionTracking = true,
        SkipComments = true,
        SkipProcessingInstructions = true,
    };
}
