using System.Globalization;

namespace DeclarativeScrape.DemoSites;

/// <summary>Reads an <c>Accept-Encoding</c> header.</summary>
internal static class AcceptEncoding
{
    /// <summary>Whether the header accepts gzip: a <c>gzip</c> or <c>*</c> coding whose quality is not zero.</summary>
    public static bool AcceptsGzip(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var semicolon = part.IndexOf(';');
            var coding = (semicolon < 0 ? part : part[..semicolon]).Trim();
            if (!coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) && coding != "*")
            {
                continue;
            }

            return semicolon < 0 || QualityOf(part[(semicolon + 1)..]) > 0;
        }

        return false;
    }

    private static double QualityOf(string parameters)
    {
        foreach (var parameter in parameters.Split(';', StringSplitOptions.TrimEntries))
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase) &&
                double.TryParse(parameter.AsSpan(2), NumberStyles.Float, CultureInfo.InvariantCulture, out var q))
            {
                return q;
            }
        }

        return 1;
    }
}
