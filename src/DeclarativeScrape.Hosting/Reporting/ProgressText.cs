using System.Text;

namespace DeclarativeScrape.Hosting;

/// <summary>A progress snapshot as one plain log line, for output that is not a terminal.</summary>
internal static class ProgressText
{
    /// <summary>The most hosts a line names.</summary>
    public const int MaxHosts = 3;

    public static string Line(ScrapeProgress progress)
    {
        var sb = new StringBuilder(160);
        sb.Append('[').Append(Quantities.Duration(progress.Elapsed)).Append("] ")
          .Append(Quantities.Count(progress.PagesFetched)).Append(" pages, ").Append(Quantities.Rate(progress.PagesPerSecond)).Append("/s")
          .Append(" | in flight ").Append(Quantities.Count(progress.InFlight))
          .Append(" | queued ").Append(Quantities.Count(progress.Queued))
          .Append(" | items ").Append(Quantities.Count(progress.Items))
          .Append(" | processed ").Append(Quantities.Count(progress.Processed))
          .Append(", skipped ").Append(Quantities.Count(progress.Skipped))
          .Append(", failed ").Append(Quantities.Count(progress.Failed))
          .Append(" | retries ").Append(Quantities.Count(progress.Retries));
        var hosts = progress.Hosts;
        for (var i = 0; i < hosts.Count && i < MaxHosts; i++)
        {
            var host = hosts[i];
            sb.Append(i == 0 ? " | " : ", ").Append(host.Host).Append(' ').Append(host.InFlight).Append('/').Append(host.Limit);
            if (host.Queued > 0)
            {
                sb.Append(" +").Append(Quantities.Count(host.Queued)).Append(" queued");
            }
        }

        if (hosts.Count > MaxHosts)
        {
            sb.Append(", ").Append(hosts.Count - MaxHosts).Append(" more hosts");
        }

        return sb.ToString();
    }
}
