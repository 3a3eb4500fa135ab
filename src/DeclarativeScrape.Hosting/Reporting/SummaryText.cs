namespace DeclarativeScrape.Hosting;

/// <summary>The end-of-run summary as plain lines.</summary>
internal static class SummaryText
{
    /// <summary>The failures listed by URL.</summary>
    public const int FailuresShown = 5;

    /// <summary>The hosts listed with their rates (the most requested first).</summary>
    public const int HostsShown = 5;

    public static IReadOnlyList<string> Lines(RunReport report)
    {
        var s = report.Summary;
        var how = report.Stop switch
        {
            StopReason.Interrupted => "stopped by Ctrl+C after",
            StopReason.Terminated => "stopped by SIGTERM after",
            StopReason.Cancelled => "cancelled after",
            _ when !s.Completed => "stopped after",
            _ => "finished in",
        };
        var items = s.Shared is { } shared
            ? $" by this worker; the crawl's are in its database" + (report.Output is null ? "" : shared.LastOut ? $", all written → {report.Output}" : $" (the last worker out writes {report.Output})")
            : report.Output is null ? " (not written: add --out FILE.jsonl to keep them)" : $" → {report.Output}";
        var lines = new List<string>
        {
            $"{s.ScraperName} {how} {Quantities.Duration(s.Elapsed, tenths: true)}" + (s.Shared is null ? "" : " (this worker)"),
            $"  pages      {Quantities.Count(report.PagesFetched)} fetched, {Quantities.Rate(report.PagesPerSecond)}/s; {Quantities.Count(s.Requests)} requests; {Quantities.Bytes(s.BytesReceived)} received",
            $"  items      {Quantities.Count(s.Items)}" + items + (s.ItemsDropped == 0 ? "" : $"; {Quantities.Count(s.ItemsDropped)} dropped by the item hook"),
            $"  URLs       {Quantities.Count(s.Discovered)} discovered: {Quantities.Count(s.Processed)} processed, {Quantities.Count(s.Skipped)} skipped, {Quantities.Count(s.Failed)} failed",
        };
        if (s.Resumed is { } joined && s.Shared is not null)
        {
            lines.Add($"  joined     a crawl of {Quantities.Count(joined.EarlierRuns)} earlier worker(s) with {Quantities.Count(joined.Carried)} URLs to fetch; they had processed {Quantities.Count(joined.Processed)} and written {Quantities.Count(joined.Items)} items");
        }
        else if (s.Resumed is { } resumed)
        {
            lines.Add($"  resumed    {Quantities.Count(resumed.Carried)} URLs carried over from {Quantities.Count(resumed.EarlierRuns)} earlier run(s), which processed {Quantities.Count(resumed.Processed)} and wrote {Quantities.Count(resumed.Items)} items");
        }

        if (s.Skipped > 0)
        {
            lines.Add($"  skipped    {Quantities.ByReason(s.SkippedByReason)}");
        }

        if (s.Failed > 0)
        {
            lines.Add($"  failed     {Quantities.ByReason(s.FailedByReason)}");
        }

        if (s.Rendering is { } r)
        {
            lines.Add($"  rendered   {Quantities.Count(r.Rendered)} pages ({Quantities.Count(r.RenderedWhenNeeded)} whose static HTML lacked a required value, {Quantities.Count(r.StaticSufficed)} static sufficed); browser requests {Quantities.Count(r.SubresourcesAllowed)} allowed, {Quantities.Count(r.SubresourcesBlocked)} blocked; {Quantities.Count(r.BrowserRestarts)} browser restarts");
        }

        if (s.HttpCache is { } cache)
        {
            lines.Add($"  http cache {Quantities.Count(cache.Hits)} hits (replayed, the site not asked), {Quantities.Count(cache.Misses)} misses ({Quantities.Count(cache.Stored)} kept, {Quantities.Count(cache.Evicted)} evicted) in {cache.Directory}");
        }

        lines.Add($"  retries    {Quantities.Count(s.Retries)}");
        var hosts = s.Hosts.OrderByDescending(h => h.Requests).ThenBy(h => h.Host, StringComparer.Ordinal).ToList();
        for (var i = 0; i < Math.Min(HostsShown, hosts.Count); i++)
        {
            lines.Add((i == 0 ? "  rate       " : "             ") + HostRate(hosts[i]));
        }

        if (hosts.Count > HostsShown)
        {
            lines.Add($"             and {Quantities.Count(hosts.Count - HostsShown)} more hosts");
        }
        if (s.Failures.Count > 0)
        {
            var shown = Math.Min(FailuresShown, s.Failures.Count);
            lines.Add(s.Failed > shown ? $"  first {shown} of {Quantities.Count(s.Failed)} failures:" : "  failures:");
            lines.AddRange(s.Failures.Take(shown).Select(f => "    " + Describe(f)));
        }

        if (!s.Reconciles)
        {
            lines.Add($"  warning: the counts do not reconcile ({Quantities.Count(s.Discovered)} discovered ≠ processed + skipped + failed)");
        }

        if (s.Shared is { } crawl)
        {
            lines.AddRange(CrawlLines(crawl));
        }

        return lines;
    }

    /// <summary>One host's rate: learned from its refusals, configured, or neither; and how many answers were rate limits.</summary>
    public static string HostRate(HostRateSummary host)
    {
        var rate = host.LearnedRequestsPerSecond is { } learned
            ? $"learned {RequestsPerSecond(learned)} requests/s" + (host.ConfiguredRequestsPerSecond is { } ceiling ? $" (configured {RequestsPerSecond(ceiling)})" : "")
            : host.ConfiguredRequestsPerSecond is { } configured ? $"{RequestsPerSecond(configured)} requests/s as configured" : "no rate limit met";
        return $"{host.Host} {rate}; {Quantities.Count(host.RateLimitedAnswers)} of {Quantities.Count(host.Requests)} requests rate-limited";
    }

    private static string RequestsPerSecond(double value) => value.ToString(value < 10 ? "0.##" : "0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The whole shared crawl, printed by the last worker out; the others say who will.</summary>
    private static IEnumerable<string> CrawlLines(SharedCrawlSummary shared)
    {
        if (!shared.LastOut)
        {
            yield return $"crawl      {Quantities.Count(shared.WorkersRunning)} other worker(s) still running; the last worker out prints the whole crawl's summary (status --state URI shows it any time)";
            yield break;
        }

        var c = shared.Crawl;
        yield return $"crawl      last worker out of {Quantities.Count(shared.Workers)}: the whole crawl " + (shared.Finished ? $"finished in {Quantities.Duration(c.Elapsed, tenths: true)}" : $"stopped with {Quantities.Count(shared.Queued)} URLs still to fetch, after {Quantities.Duration(c.Elapsed, tenths: true)}");
        yield return $"  items      {Quantities.Count(c.Items)}";
        yield return $"  URLs       {Quantities.Count(c.Discovered)} discovered: {Quantities.Count(c.Processed)} processed, {Quantities.Count(c.Skipped)} skipped, {Quantities.Count(c.Failed)} failed" + (shared.Finished ? "" : $", {Quantities.Count(shared.Queued)} to fetch");
        if (c.Skipped > 0)
        {
            yield return $"  skipped    {Quantities.ByReason(c.SkippedByReason)}";
        }

        if (c.Failed > 0)
        {
            yield return $"  failed     {Quantities.ByReason(c.FailedByReason)}";
        }

        yield return $"  requests   {Quantities.Count(c.Requests)}; {Quantities.Bytes(c.BytesReceived)} received; {Quantities.Count(c.Retries)} retries";
        foreach (var failure in c.Failures.Take(FailuresShown))
        {
            yield return "    " + Describe(failure);
        }
    }

    /// <summary>One failure: URL, reason, status, attempts, and the first extraction problem if there is one.</summary>
    public static string Describe(UrlOutcome outcome)
    {
        var text = outcome.ToString();
        if (outcome.ExtractionFailures.Count > 0)
        {
            var first = outcome.ExtractionFailures[0];
            var where = first.Selector is null ? first.Property : $"{first.Property} (selector '{first.Selector}')";
            text += $" [{where}: {first.Message}]" + (outcome.ExtractionFailures.Count > 1 ? $" and {outcome.ExtractionFailures.Count - 1} more" : "");
        }

        return text;
    }
}
