using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

// A scraper as a .NET worker: options from appsettings.json, environment variables and the command line, validated on
// start; logs and metrics through the host; Ctrl+C or SIGTERM drains the requests in flight, then the host stops.
//   dotnet run --project examples/Worker                                   crawls the demo bookstore, started in this process
//   dotnet run --project examples/Worker -- --DeclarativeScrape:Scrapers:BookstoreScraper:StartUrls:0=http://127.0.0.1:5080/catalogue/page-1.html
//   dotnet run --project examples/Worker -- --Telemetry:Console=true        also prints every span and metric (OpenTelemetry's console exporter)
// appsettings.json is read from beside the program, wherever it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// No start URL configured: the demo bookstore, in this process on a free port of 127.0.0.1.
const string StartUrlKey = "DeclarativeScrape:Scrapers:BookstoreScraper:StartUrls:0";
await using var site = builder.Configuration[StartUrlKey] is null
    ? await BookstoreSite.StartAsync(new() { Latency = TimeSpan.FromMilliseconds(20) })
    : null;
if (site is not null)
{
    builder.Configuration.AddInMemoryCollection([new(StartUrlKey, site.StartUrl.AbsoluteUri)]);
}

builder.Services.AddDeclarativeScrape()
    .AddScraper(BookstoreScraper.Plan)
    .AddItemHandler<PriceLog>()
    .RunInBackground();   // the application stops when the crawl is done

if (builder.Configuration.GetValue<bool>("Telemetry:Console"))
{
    // The library's one ActivitySource and one Meter are both named "DeclarativeScrape" (docs/crawling.md lists every instrument).
    builder.Services.AddOpenTelemetry()
        .ConfigureResource(resource => resource.AddService("bookstore-worker"))
        .WithTracing(tracing => tracing.AddSource("DeclarativeScrape").AddConsoleExporter())
        .WithMetrics(metrics => metrics.AddMeter("DeclarativeScrape").AddConsoleExporter());
}

await builder.Build().RunAsync();
