using System.Globalization;
using System.Runtime.InteropServices;
using DeclarativeScrape.DemoSites;

// Serves a demo site on 127.0.0.1 until Ctrl+C or SIGTERM:
//   dotnet run --project examples/DemoServer -- --port 5080                 the bookstore (2,000 books)
//   dotnet run --project examples/DemoServer -- --site docs --port 5081     the documentation site
// Options: --port N (5080), --site bookstore|docs, --books N (2,000), --latency MS (0).
var port = 5080;
var kind = "bookstore";
var books = 2000;
var latency = TimeSpan.Zero;
for (var i = 0; i < args.Length; i += 2)
{
    var value = i + 1 < args.Length ? args[i + 1] : "";
    var ok = args[i] switch
    {
        "--port" => int.TryParse(value, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535,
        "--books" => int.TryParse(value, CultureInfo.InvariantCulture, out books) && books > 0,
        "--site" => (kind = value) is "bookstore" or "docs",
        "--latency" => double.TryParse(value, CultureInfo.InvariantCulture, out var ms) && ms >= 0 && (latency = TimeSpan.FromMilliseconds(ms)) >= TimeSpan.Zero,
        _ => false,
    };
    if (!ok)
    {
        Console.Error.WriteLine($"error: '{args[i]} {value}': expected --port 1..65535, --site bookstore|docs, --books N or --latency MS.");
        return 2;
    }
}

DemoSite site;
try
{
    site = kind == "docs"
        ? await DocsSite.StartAsync(new DocsSiteOptions { Port = port, Latency = latency })
        : await BookstoreSite.StartAsync(new BookstoreSiteOptions { Port = port, Latency = latency, BookCount = books });
}
catch (IOException e)
{
    Console.Error.WriteLine($"error: the demo {kind} cannot listen on 127.0.0.1:{port} ({e.Message}); choose another --port.");
    return 1;
}

await using (site)
{
    var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    Console.WriteLine($"Demo {kind} at {site.StartUrl} (ground truth: {site.Url("/__expected.jsonl")}). Ctrl+C stops it.");
    await stopped.Task;
    return 0;

    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stopped.TrySetResult();
    }
}
