namespace DeclarativeScrape.Examples.SharedEngine;

/// <summary>Points a scraper's options at the shared site, on the shared engine, under the shared per-host limit.</summary>
internal static class SharedSite
{
    public static ScrapeOptions Options(ScrapeOptions options, ScrapeEngine engine, Uri startUrl, int perHost, string? outputPath)
    {
        options.Engine = engine;
        options.StartUrls = [startUrl];
        options.AllowedHosts = [startUrl.Host];
        options.Concurrency.PerHost = perHost;
        options.OutputPath = outputPath;
        return options;
    }
}
