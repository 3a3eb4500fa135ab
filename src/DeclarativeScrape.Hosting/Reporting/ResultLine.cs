using System.Text;
using System.Text.Json;

namespace DeclarativeScrape.Hosting;

/// <summary>
/// The last line a run prints on standard error, for scripts and benchmark harnesses:
/// <c>RESULT {"scraper":…,"completed":…,"exitCode":…,"elapsedSeconds":…,"pages":…,"requests":…,"items":…,…}</c>.
/// </summary>
internal static class ResultLine
{
    public const string Prefix = "RESULT ";

    /// <summary>The hosts listed in <c>hosts</c> at most (the most requested first).</summary>
    public const int HostsListed = 100;

    public static string Format(RunReport report)
    {
        var s = report.Summary;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("scraper", s.ScraperName);
            json.WriteBoolean("completed", s.Completed);
            json.WriteString("stop", report.Stop switch
            {
                StopReason.Interrupted => "sigint",
                StopReason.Terminated => "sigterm",
                StopReason.Cancelled => "cancelled",
                _ => s.Completed ? "done" : "stopped",
            });
            json.WriteNumber("exitCode", report.ExitCode);
            json.WriteNumber("elapsedSeconds", Math.Round(s.Elapsed.TotalSeconds, 3));
            json.WriteNumber("pages", report.PagesFetched);
            json.WriteNumber("pagesPerSecond", Math.Round(report.PagesPerSecond, 1));
            json.WriteNumber("requests", s.Requests);
            json.WriteNumber("items", s.Items);
            json.WriteNumber("itemsDropped", s.ItemsDropped);
            json.WriteNumber("discovered", s.Discovered);
            json.WriteNumber("processed", s.Processed);
            json.WriteNumber("skipped", s.Skipped);
            json.WriteNumber("failed", s.Failed);
            json.WriteNumber("retries", s.Retries);
            json.WriteNumber("bytes", s.BytesReceived);
            if (s.Rendering is { } r)
            {
                json.WriteStartObject("rendering");
                json.WriteNumber("rendered", r.Rendered);
                json.WriteNumber("renderedWhenNeeded", r.RenderedWhenNeeded);
                json.WriteNumber("staticSufficed", r.StaticSufficed);
                json.WriteNumber("retried", r.Retried);
                json.WriteNumber("browserRestarts", r.BrowserRestarts);
                json.WriteNumber("subresourcesAllowed", r.SubresourcesAllowed);
                json.WriteNumber("subresourcesBlocked", r.SubresourcesBlocked);
                json.WriteEndObject();
            }

            if (s.HttpCache is { } cache)
            {
                json.WriteStartObject("httpCache");
                json.WriteString("directory", cache.Directory);
                json.WriteNumber("hits", cache.Hits);
                json.WriteNumber("misses", cache.Misses);
                json.WriteNumber("stored", cache.Stored);
                json.WriteNumber("evicted", cache.Evicted);
                json.WriteEndObject();
            }

            WriteCounts(json, "skippedByReason", s.SkippedByReason);
            WriteCounts(json, "failedByReason", s.FailedByReason);
            json.WriteBoolean("reconciles", s.Reconciles);
            json.WriteStartArray("hosts");
            foreach (var host in s.Hosts.OrderByDescending(h => h.Requests).ThenBy(h => h.Host, StringComparer.Ordinal).Take(HostsListed))
            {
                json.WriteStartObject();
                json.WriteString("host", host.Host);
                WriteRate(json, "learnedRps", host.LearnedRequestsPerSecond);
                WriteRate(json, "configuredRps", host.ConfiguredRequestsPerSecond);
                json.WriteNumber("requests", host.Requests);
                json.WriteNumber("rateLimited", host.RateLimitedAnswers);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Prefix + Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteRate(Utf8JsonWriter json, string name, double? rate)
    {
        if (rate is { } value)
        {
            json.WriteNumber(name, Math.Round(value, 2));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteCounts<TReason>(Utf8JsonWriter json, string name, IReadOnlyDictionary<TReason, long> counts)
        where TReason : struct, Enum
    {
        json.WriteStartObject(name);
        foreach (var (reason, count) in counts.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal))
        {
            json.WriteNumber(reason.ToString(), count);
        }

        json.WriteEndObject();
    }
}
