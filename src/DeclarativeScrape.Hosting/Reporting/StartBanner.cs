using System.Globalization;

namespace DeclarativeScrape.Hosting;

/// <summary>What a run prints before it starts: where it crawls, within which limits, and where the items go.</summary>
internal static class StartBanner
{
    public static IReadOnlyList<string> Lines(string scraperName, ScrapeOptions options, string? output, Uri? embeddedSite)
    {
        var lines = new List<string>();
        if (embeddedSite is not null)
        {
            lines.Add($"No --url given: started the demo site at {embeddedSite.GetLeftPart(UriPartial.Authority)}/ (it stops when the run ends).");
        }

        lines.Add($"{scraperName}: crawling {string.Join(", ", options.StartUrls)}");
        var hosts = options.AllowedHosts.Count > 0 ? string.Join(", ", options.AllowedHosts) : "the start URLs' hosts";
        var rate = options.RateLimit.RequestsPerSecond is { } rps ? $"{rps.ToString("0.##", CultureInfo.InvariantCulture)} requests/s per host" : "no rate limit";
        var limits = new List<string> { $"hosts {hosts}", $"at most {options.Concurrency.Max} in flight ({options.Concurrency.PerHost} per host)", rate };
        limits.Add(options.Robots.Obey ? "robots.txt obeyed" : "robots.txt ignored");
        if (options.Limits.MaxPages > 0)
        {
            limits.Add($"max {options.Limits.MaxPages} pages");
        }

        if (options.Limits.MaxDepth > 0)
        {
            limits.Add($"max depth {options.Limits.MaxDepth}");
        }

        lines.Add("  " + string.Join("; ", limits));
        lines.Add(output is null ? "  items are not written (add --out FILE.jsonl to keep them)" : $"  items → {output}");
        if (options.StateDirectory is { } state)
        {
            lines.Add($"  state in {state}");
        }

        return lines;
    }
}
