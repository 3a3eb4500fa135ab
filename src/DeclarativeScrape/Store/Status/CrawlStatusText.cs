using System.Globalization;

namespace DeclarativeScrape;

/// <summary>
/// The lines the <c>status</c> command prints for a <see cref="CrawlStatus"/>, whichever store it came from; a shared
/// crawl adds its workers and, per host, its leases, permits and pause.
/// </summary>
internal static class CrawlStatusText
{
    /// <summary>The status as lines.</summary>
    public static IReadOnlyList<string> Lines(CrawlStatus status)
    {
        var shared = status.Workers is not null;
        var lines = new List<string>
        {
            $"crawl    {status.Scraper} in {status.Location}, created {status.Created}",
            $"URLs     {N(status.Admitted)} admitted: {N(status.Processed)} processed, {N(status.Skipped)} skipped, {N(status.Failed)} failed; {N(status.Queued)} queued"
                + (status.Leased is { } leased ? $", {N(leased)} leased" : "")
                + (status.Finished ? " (finished)" : ""),
            $"items    {N(status.Items)}",
        };
        if (status.Runs is { } runs)
        {
            lines.Add($"runs     {N(runs)}");
        }

        if (status.Workers is { } workers)
        {
            lines.Add("workers  id  state    leased  last beat  name");
            foreach (var worker in workers)
            {
                var beat = worker.SinceBeat is { } since ? $"{since.TotalSeconds:0.0} s ago" : "-";
                lines.Add($"         {worker.Id,2}  {worker.State,-7}  {N(worker.Leased),6}  {beat,9}  {worker.Name}");
            }
        }

        lines.Add(shared ? "hosts    queued  leased  permits  paused   rate/s  host" : "hosts    queued  host");
        foreach (var host in status.Hosts)
        {
            if (shared)
            {
                var paused = host.PausedFor is { } left && left > TimeSpan.Zero ? $"{left.TotalSeconds:0} s" : "-";
                var rate = host.Rate is { } perSecond ? perSecond.ToString(perSecond < 10 ? "0.##" : "N0", CultureInfo.InvariantCulture) : "-";
                lines.Add($"         {N(host.Queued),6}  {N(host.Leased ?? 0),6}  {host.Permits ?? 0,7}  {paused,-7}  {rate,6}  {host.Name}");
            }
            else
            {
                lines.Add($"         {N(host.Queued),6}  {host.Name}");
            }
        }

        return lines;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
