using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeclarativeScrape.CrawlBenchmark;

/// <summary>
/// Runs <see cref="DocsScraper"/> for the harness (<c>--job docs --start URL --concurrency N --out FILE</c>) and
/// writes the harness's fields itself: the command-line host writes every attributed property, and the docs job wants
/// the number of headings, not the headings.
/// </summary>
internal static class DocsRun
{
    /// <summary>Runs the crawl; returns the exit code and the run's counts for the <c>RESULT</c> line.</summary>
    public static async Task<(int ExitCode, JsonObject Result)> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var start = new Uri(Argument(args, "--start"));
        var concurrency = int.Parse(Argument(args, "--concurrency"), System.Globalization.CultureInfo.InvariantCulture);
        var output = Argument(args, "--out");
        var options = DocsScraper.CreateOptions();
        options.StartUrls = [start];
        options.Concurrency.Max = concurrency;
        options.Concurrency.PerHost = concurrency;
        await using var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        await using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        await using var run = DocsScraper.Start(options, cancellationToken);
        await foreach (var page in run.ReadItemsAsync(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("url", page.Url.AbsoluteUri);
            json.WriteString("title", page.Title);
            json.WriteString("h1", page.H1 is { } h1 ? h1.TrimEnd('¶').TrimEnd() : null);
            json.WriteNumber("headings", page.Headings.Count);
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
            json.Reset();
            file.WriteByte((byte)'\n');
        }

        var summary = await run.Completion;
        Console.Error.WriteLine($"{summary.Processed} processed, {summary.Skipped} skipped, {summary.Failed} failed, {summary.Items} items");
        var result = new JsonObject
        {
            ["scraper"] = nameof(DocsScraper),
            ["completed"] = summary.Completed,
            ["items"] = summary.Items,
            ["discovered"] = summary.Discovered,
            ["processed"] = summary.Processed,
            ["skipped"] = summary.Skipped,
            ["failed"] = summary.Failed,
            ["requests"] = summary.Requests,
        };
        return (summary.Completed ? 0 : 1, result);
    }

    private static string Argument(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"{name} is required with --job docs.");
    }
}
