using Microsoft.CodeAnalysis;

namespace DeclarativeScrape.Generators.Diagnostics
{
    /// <summary>The diagnostics of values, output shape, link rules, data across pages, sitemaps and request control (DS0045–DS0064).</summary>
    internal static partial class DiagnosticDescriptors
    {
        public static readonly DiagnosticDescriptor InvalidTextShaping = Error(
            "DS0045",
            "Invalid text-shaping argument",
            "[{0}] on property '{1}' is not valid: {2}");

        public static readonly DiagnosticDescriptor UnsupportedJsonIgnoreCondition = Error(
            "DS0046",
            "Unsupported [JsonIgnore] condition",
            "[JsonIgnore(Condition = {0})] on property '{1}' is not supported: an item writes the same fields every time (they are its CSV columns); use [JsonIgnore] to leave the property out, or nothing to write it");

        public static readonly DiagnosticDescriptor InvalidUrlPattern = Error(
            "DS0047",
            "Invalid URL pattern",
            "The URL pattern '{0}' of {1} is not valid: {2}");

        public static readonly DiagnosticDescriptor InvalidCarry = Error(
            "DS0048",
            "Value cannot be carried",
            "{0} carries '{1}', which {2}");

        public static readonly DiagnosticDescriptor CarryMismatch = Error(
            "DS0049",
            "Carried value does not fit the page it leads to",
            "{0} carries '{1}' to '{2}', {3}");

        public static readonly DiagnosticDescriptor InvalidPageHeader = Error(
            "DS0051",
            "Invalid page header",
            "[Header(\"{0}\")] on page type '{1}' cannot be sent: {2}");

        public static readonly DiagnosticDescriptor InvalidSitemap = Error(
            "DS0052",
            "Invalid [Sitemap]",
            "[Sitemap] of scraper '{0}' cannot work: {1}");

        public static readonly DiagnosticDescriptor RequiredValueNotCarried = new DiagnosticDescriptor(
            "DS0050",
            "Required carried value is not always carried",
            "'{0}.{1}' is a required [Carried] value, but {2}: make it nullable, or carry it",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: null,
            helpLinkUri: HelpRoot + "DS0050.md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);
    }
}
