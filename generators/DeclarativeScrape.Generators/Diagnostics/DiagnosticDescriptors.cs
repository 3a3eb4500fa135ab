using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Diagnostics
{
    /// <summary>
    /// Every diagnostic DeclarativeScrape reports. IDs are never reused: a retired diagnostic keeps its number.
    /// Each has a page <c>docs/diagnostics/&lt;ID&gt;.md</c> with a wrong and a fixed example.
    /// </summary>
    internal static partial class DiagnosticDescriptors
    {
        public const string Category = "DeclarativeScrape";

        private const string HelpRoot = "https://github.com/declarativescrape/declarativescrape/blob/main/docs/diagnostics/";

        public static readonly DiagnosticDescriptor TypeNotPartial = Error(
            "DS0001",
            "Type must be partial",
            "'{0}' must be partial: {1}");

        public static readonly DiagnosticDescriptor InvalidSelector = Error(
            "DS0002",
            "Invalid CSS selector",
            "The selector '{0}' of '{1}' is not valid CSS: {2}");

        public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
            "DS0003",
            "Unsupported property type",
            "Property '{0}' has type '{1}', which [{2}] cannot fill: {3}");

        public static readonly DiagnosticDescriptor FollowTargetNotPage = Error(
            "DS0004",
            "Follow target is not a page",
            "Property '{0}' follows links to '{1}', which is not a [Page] type declared in this project");

        public static readonly DiagnosticDescriptor ItemsTargetNotItem = Error(
            "DS0005",
            "Nested item type is not an item",
            "Property '{0}' extracts nested '{1}', which is not an [Item] type declared in this project");

        public static readonly DiagnosticDescriptor MissingStartPage = Error(
            "DS0007",
            "Missing start page",
            "Scraper '{0}' has no start page: set StartPage = typeof(YourPage) on [Scraper]");

        public static readonly DiagnosticDescriptor StartPageNotPage = Error(
            "DS0008",
            "Start page is not a page",
            "The start page '{0}' of scraper '{1}' is not a [Page] type declared in this project");

        public static readonly DiagnosticDescriptor InvalidStartUrl = Error(
            "DS0009",
            "Start URL is not an absolute http(s) URL",
            "The start URL '{0}' of scraper '{1}' is not an absolute http or https URL");

        public static readonly DiagnosticDescriptor ImpossibleSetting = Error(
            "DS0010",
            "Impossible setting",
            "Setting '{0}' of scraper '{1}' cannot work: {2}");

        public static readonly DiagnosticDescriptor InvalidPattern = Error(
            "DS0011",
            "Invalid regular expression",
            "The [Match] pattern of '{0}' does not compile: {1}");

        public static readonly DiagnosticDescriptor InvalidConverter = Error(
            "DS0012",
            "Converter not found or has the wrong signature",
            "The converter '{0}' of property '{1}' {2}; it must be an accessible 'static {3} {4}(string value)' or 'static bool {4}(string value, out {3} result)'");

        public static readonly DiagnosticDescriptor PropertyNotSettable = Error(
            "DS0013",
            "Property cannot be set",
            "Property '{0}' must be an instance property with a getter and a set or init accessor");

        public static readonly DiagnosticDescriptor ConflictingAttributes = Error(
            "DS0014",
            "Several extraction attributes on one property",
            "Property '{0}' has both [{1}] and [{2}]; keep one extraction attribute per property");

        public static readonly DiagnosticDescriptor FormatOnNonDate = Error(
            "DS0015",
            "[Format] on a property that is not a date",
            "[Format] applies only to DateTime and DateTimeOffset values read by [Text] or [Attr], but property '{0}' is '{1}'");

        public static readonly DiagnosticDescriptor PageUrlOnUnsupportedType = Error(
            "DS0016",
            "[PageUrl] on a property that is not a Uri or string",
            "[PageUrl] fills a Uri or string property, but property '{0}' is '{1}'");

        public static readonly DiagnosticDescriptor PageNeverReached = new DiagnosticDescriptor(
            "DS0017",
            "Page type is never reached",
            "Page type '{0}' is not reachable by [Follow] links from the start page of any scraper",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: null,
            helpLinkUri: HelpRoot + "DS0017.md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor ScraperWithoutItems = Error(
            "DS0018",
            "Scraper reaches no item type",
            "Scraper '{0}' reaches no [Item] page type from its start page '{1}': mark a reachable page type with [Item]");

        public static readonly DiagnosticDescriptor ScraperNotStatic = Error(
            "DS0019",
            "Scraper must be a static class",
            "Scraper '{0}' must be declared 'static partial class'");

        public static readonly DiagnosticDescriptor UnsupportedTypeShape = Error(
            "DS0020",
            "Unsupported page or item type",
            "Type '{0}' cannot be a [{1}] type: {2}");

        public static readonly DiagnosticDescriptor InvalidAttributeName = Error(
            "DS0021",
            "Invalid HTML attribute name",
            "The HTML attribute name '{0}' of property '{1}' is not valid: {2}");

        public static readonly DiagnosticDescriptor ModifierWithoutSource = Error(
            "DS0022",
            "Modifier attribute without a text source",
            "[{0}] on property '{1}' needs [Text], [Attr], [Html] or [OuterHtml] on the same property");

        public static readonly DiagnosticDescriptor SettingWithoutScraper = Error(
            "DS0023",
            "Scraper setting on a class that is not a scraper",
            "[{0}] on '{1}' has no effect: scraper settings apply only to a class marked [Scraper]");

        public static readonly DiagnosticDescriptor ItemsSelectScope = Error(
            "DS0024",
            "[Items] selects its own scope",
            "The [Items] selector '{0}' of '{1}' selects the element being extracted itself, which cannot be its own nested item: select elements inside it (':scope > li'), or read the element's values with ':scope' on [Text], [Attr], [Html], [OuterHtml] or [Follow]");

        public static readonly DiagnosticDescriptor ScrapyPseudoElement = Error(
            "DS0025",
            "Scrapy pseudo-element in a selector",
            "The selector '{0}' of '{1}' ends in Scrapy's '{2}', which is not CSS: {3}");

        public static readonly DiagnosticDescriptor PseudoElementMatchesNothing = Error(
            "DS0026",
            "Pseudo-element matches no element",
            "The selector '{0}' of '{1}' selects the pseudo-element '{2}', which is not an element of the page (a browser makes it from CSS, which a crawl does not apply), so it matches nothing: select the element itself");

        public static readonly DiagnosticDescriptor InvalidDateFormat = Error(
            "DS0027",
            "Date format cannot read dates",
            "The [Format] '{0}' of '{1}' cannot read any date: {2}");

        // Sample check (DS0028-DS0035).

        public static readonly DiagnosticDescriptor SampleMissingValue = Error(
            "DS0028",
            "Sample page does not give a required value",
            "In sample '{0}', required '{1}' ({2}) fails: {3}{4}");

        public static readonly DiagnosticDescriptor SampleOptionalNeverFound = Warning(
            "DS0029",
            "Optional value found in no sample page",
            "'{0}' (selector '{1}') gives no value in any of the {2} sample page(s) of '{3}': {4}{5}");

        public static readonly DiagnosticDescriptor SampleFollowFindsNoLink = Warning(
            "DS0030",
            "[Follow] finds no link in any sample page",
            "[Follow] '{0}' (selector '{1}') finds no link in any of the {2} sample page(s) of '{3}': {4}{5}");

        public static readonly DiagnosticDescriptor SampleValueDiffers = Error(
            "DS0031",
            "Sample page value differs from the expected value",
            "In sample '{0}', '{1}' is {2}, but its expected-values file says {3}");

        public static readonly DiagnosticDescriptor SampleFileNotFound = Error(
            "DS0032",
            "Sample file not found",
            "The sample '{0}' of '{1}' is not among the project's additional files: {2}");

        public static readonly DiagnosticDescriptor InvalidSampleUrl = Error(
            "DS0033",
            "Sample URL is not an absolute http(s) URL",
            "The URL '{0}' of sample '{1}' is not an absolute http or https URL");

        public static readonly DiagnosticDescriptor InvalidExpectedValues = Error(
            "DS0034",
            "Expected-values file cannot be read",
            "The expected-values file '{0}' cannot be read: {1}");

        public static readonly DiagnosticDescriptor SampleOnNonPage = Error(
            "DS0035",
            "[Sample] on a type that is not a page",
            "[Sample] on '{0}' has no effect: a sample is a whole saved page, checked with a [Page] type's extraction");

        // Rendering (DS0065-DS0074).

        public static readonly DiagnosticDescriptor RenderWithoutPage = Error(
            "DS0065",
            "[Render] on a type that is not a page",
            "[Render] on '{0}' has no effect: only a [Page] type is fetched, and so rendered");

        public static readonly DiagnosticDescriptor InvalidRenderSelector = Error(
            "DS0066",
            "Invalid [Render] selector",
            "The {0} '{1}' of [Render] on '{2}' is not valid CSS: {3}");

        public static readonly DiagnosticDescriptor ImpossibleRenderSetting = Error(
            "DS0067",
            "Impossible [Render] setting",
            "[Render] setting '{0}' on '{1}' cannot work: {2}");

        public static readonly DiagnosticDescriptor RenderNeverNeeded = Warning(
            "DS0068",
            "[Render(Mode = RenderMode.WhenNeeded)] on a page without required properties",
            "'{0}' renders only when a required property fails on its static HTML, but it has no required property (a non-nullable [Text], [Attr], [Html], [OuterHtml], [Items] or [Follow] property): it is never rendered");

        public static readonly DiagnosticDescriptor RenderBlocksScripts = Warning(
            "DS0069",
            "[Render] blocks scripts",
            "[Render] on '{0}' blocks scripts (Block includes RenderResources.Scripts): the page's own scripts do not load, so rendering likely changes nothing but its cost");

        private static DiagnosticDescriptor Warning(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: null, helpLinkUri: HelpRoot + id + ".md");

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: HelpRoot + id + ".md");
    }
}
