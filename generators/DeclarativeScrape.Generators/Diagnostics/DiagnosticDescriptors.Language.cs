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
    }
}
