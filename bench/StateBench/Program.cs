using System.Diagnostics;
using System.Globalization;
using System.Text;
using DeclarativeScrape;
using DeclarativeScrape.StateBench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// site PORT LISTS PER_LIST       serves the hub, LISTS listing pages of PER_LIST product links each, and the products
// crawl URL [STATE_DIR] SECONDS  crawls until 990,000 URLs are queued, SECONDS more, then stops (Ctrl+C's path)
return args[0] switch
{
    "site" => await SiteAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture)),
    "crawl" => await CrawlAsync(new Uri(args[1]), args.Length > 3 ? args[2] : null, int.Parse(args[^1], CultureInfo.InvariantCulture)),
    _ => 2,
};

static async Task<int> SiteAsync(int port, int lists, int perList)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
    var app = builder.Build();
    app.MapGet("/", () => Html(Enumerable.Range(0, lists).Select(l => $"<a class=l href=/l/{l}>{l}</a>")));
    app.MapGet("/l/{l:int}", (int l) => Html(Enumerable.Range(0, perList).Select(k => $"<a class=p href=/p/{l}/{k}>{k}</a>")));
    app.MapGet("/p/{l:int}/{k:int}", (int l, int k) => Html([$"<h1>Product {l}-{k}</h1>"]));
    await app.RunAsync();
    return 0;

    static IResult Html(IEnumerable<string> body) => Results.Content("<html><body>" + string.Join("\n", body) + "</body></html>", "text/html", Encoding.UTF8);
}

static async Task<int> CrawlAsync(Uri start, string? state, int seconds)
{
    var options = FrontierScraper.CreateOptions();
    options.StartUrls = [start];
    options.AllowedHosts = [start.Host];
    options.Robots.Obey = false;
    options.StateDirectory = state;
    await using var engine = new ScrapeEngine();
    using var stop = new CancellationTokenSource();
    var clock = Stopwatch.StartNew();
    var run = engine.Start(FrontierScraper.Plan, options, stop.Token);
    var drain = Task.Run(async () =>
    {
        await foreach (var _ in run.ReadEventsAsync())
        {
            // Nobody needs the events: read them so the run is never held back by its reader.
        }
    });
    const long FullFrontier = 990_000;   // 1000 × 1000 products, less those fetched meanwhile
    long maxQueued = 0;
    TimeSpan? full = null;
    while (!run.Completion.IsCompleted)
    {
        await Task.WhenAny(run.Completion, Task.Delay(500));
        var progress = run.GetProgress();
        maxQueued = Math.Max(maxQueued, progress.Queued);
        if (full is null && progress.Queued >= FullFrontier)
        {
            full = clock.Elapsed;
        }

        if (full is { } at && clock.Elapsed - at > TimeSpan.FromSeconds(seconds) && !stop.IsCancellationRequested)
        {
            Console.Error.WriteLine($"stopping at {progress.Queued} queued, {progress.PagesFetched} pages");
            await stop.CancelAsync();
        }
    }

    var summary = await run.Completion;
    await drain;
    var status = File.ReadAllLines("/proc/self/status");
    string Field(string name) => status.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(':')[1].Trim();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"state\":{(state is null ? "false" : "true")},\"max_queued\":{maxQueued},\"frontier_full_s\":{full?.TotalSeconds:0.0},\"elapsed_s\":{clock.Elapsed.TotalSeconds:0.0},\"pages\":{summary.Processed},\"discovered\":{summary.Discovered},\"reconciles\":{(summary.Reconciles ? "true" : "false")},\"peak_rss\":\"{Field("VmHWM")}\",\"rss_now\":\"{Field("VmRSS")}\"}}"));
    return 0;
}
