using System.Diagnostics;
using System.Text.Json.Nodes;
using DeclarativeScrape.CrawlBenchmark;
using DeclarativeScrape.Hosting;
using DeclarativeScrape.PostgreSql;

// The benchmark shop's crawl through the command-line host, exactly as a user's scraper runs:
//   DeclarativeScrape.CrawlBenchmark [--job shop] --start URL --concurrency N --out items.jsonl
// or the harness's docs job (DocsScraper, items written by DocsRun):
//   DeclarativeScrape.CrawlBenchmark --job docs --start URL --concurrency N --out items.jsonl
// --gc-events adds the GC's collections by generation and reason and its allocation ticks by heap (EventPipe, in process).
// The host prints its summary and its RESULT line on standard error; this program adds one last RESULT line with the
// host's counts, the thread-pool lag probe and the GC's figures (the harness keeps the last RESULT line).
var error = new ResultLineCapture(Console.Error);
Console.SetError(TextWriter.Synchronized(error));
using var gcEvents = args.Contains("--gc-events") ? new GcEventCounter() : null;
args = [.. args.Where(a => a != "--gc-events")];
using var probe = new ThreadPoolLagProbe();
var started = Stopwatch.GetTimestamp();
int exitCode;
JsonObject result;
if (args.Length >= 2 && args[0] == "--job" && args[1] == "docs")
{
    (exitCode, result) = await DocsRun.RunAsync(args[2..], CancellationToken.None);
}
else
{
    // --state postgresql://… makes this process one worker of a shared crawl (bench/workers/run.sh).
    exitCode = await ScrapeApp.RunAsync(ShopScraper.Plan, args.Length >= 2 && args[0] == "--job" ? args[2..] : args, options => options.UsePostgreSql());
    result = error.LastResultJson is { } json ? JsonNode.Parse(json)!.AsObject() : [];
}

var lag = probe.Stop();
var elapsed = Stopwatch.GetElapsedTime(started);

result["tool"] = "declarativescrape";
result["threadPoolLag"] = new JsonObject
{
    ["intervalMs"] = ThreadPoolLagProbe.Interval.TotalMilliseconds,
    ["samples"] = lag.Samples,
    ["p50Ms"] = Math.Round(lag.P50Ms, 2),
    ["p99Ms"] = Math.Round(lag.P99Ms, 2),
    ["maxMs"] = Math.Round(lag.MaxMs, 2),
};
var gc = GC.GetGCMemoryInfo(GCKind.Any);
result["gc"] = new JsonObject
{
    ["gen0"] = GC.CollectionCount(0),
    ["gen1"] = GC.CollectionCount(1),
    ["gen2"] = GC.CollectionCount(2),
    ["allocatedMB"] = Math.Round(GC.GetTotalAllocatedBytes() / 1048576.0, 1),
    ["heapMB"] = Math.Round(gc.HeapSizeBytes / 1048576.0, 1),
    ["committedMB"] = Math.Round(gc.TotalCommittedBytes / 1048576.0, 1),
    ["pauseTotalMs"] = Math.Round(GC.GetTotalPauseDuration().TotalMilliseconds, 1),
    ["server"] = System.Runtime.GCSettings.IsServerGC,
};
if (gcEvents is not null)
{
    result["gcEvents"] = gcEvents.ToJson();
}

var process = Process.GetCurrentProcess();
result["process"] = new JsonObject
{
    ["wallSeconds"] = Math.Round(elapsed.TotalSeconds, 3),
    ["cpuSeconds"] = Math.Round(process.TotalProcessorTime.TotalSeconds, 3),
    ["peakWorkingSetMB"] = Math.Round(process.PeakWorkingSet64 / 1048576.0, 1),
    ["threads"] = process.Threads.Count,
};
Console.Error.WriteLine("RESULT " + result.ToJsonString());
Console.Error.Flush();
return exitCode;
