using System.Globalization;
using System.Text.Json;
using DeclarativeScrape;
using DeclarativeScrape.Browser;
using DeclarativeScrape.DemoSites;
using RenderBench;

// site  --products N [--script-every K]                      serves the demo script shop until stdin closes
// crawl --base URL --products N --mode always|mixed|static --concurrency C --out FILE [--pages-per-context P]
var arguments = Arguments.Parse(args.Skip(1));
switch (args.FirstOrDefault())
{
    case "site":
    {
        await using var site = await ScriptShopSite.StartAsync(new ScriptShopSiteOptions
        {
            ProductCount = arguments.Int("products", 2000),
            ScriptOnlyEvery = arguments.Int("script-every", 10),
        });
        Console.WriteLine("READY " + site.BaseUrl.AbsoluteUri);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    case "crawl":
    {
        var baseUrl = new Uri(arguments.String("base"));
        var products = arguments.Int("products", 2000);
        var mode = arguments.String("mode");
        var concurrency = arguments.Int("concurrency", 4);
        await using var renderer = new ChromiumRenderer(new ChromiumOptions
        {
            MaxConcurrency = concurrency,
            PagesPerContext = arguments.Int("pages-per-context", ChromiumOptions.DefaultPagesPerContext),
        });
        var startUrls = Enumerable.Range(1, products).Select(i => new Uri(baseUrl, $"/product/{i.ToString(CultureInfo.InvariantCulture)}.html")).ToList();
        var options = mode switch
        {
            "always" => AlwaysScraper.CreateOptions(),
            "mixed" => MixedScraper.CreateOptions(),
            "static" => StaticScraper.CreateOptions(),
            _ => throw new ArgumentException($"--mode must be always, mixed or static, was '{mode}'"),
        };
        options.StartUrls = startUrls;
        options.Renderer = renderer;
        options.OutputPath = arguments.String("out");
        var started = DateTime.UtcNow;
        var summary = mode switch
        {
            "always" => await AlwaysScraper.ScrapeAsync(options),
            "mixed" => await MixedScraper.ScrapeAsync(options),
            _ => await StaticScraper.ScrapeAsync(options),
        };
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(new
        {
            mode,
            concurrency,
            pages = summary.Processed + summary.Failed,
            items = summary.Items,
            failed = summary.Failed,
            elapsedSeconds = summary.Elapsed.TotalSeconds,
            rendered = summary.Rendering?.Rendered ?? 0,
            renderedWhenNeeded = summary.Rendering?.RenderedWhenNeeded ?? 0,
            staticSufficed = summary.Rendering?.StaticSufficed ?? 0,
            browserRestarts = summary.Rendering?.BrowserRestarts ?? 0,
            subresourcesAllowed = summary.Rendering?.SubresourcesAllowed ?? 0,
            subresourcesBlocked = summary.Rendering?.SubresourcesBlocked ?? 0,
            contexts = renderer.ContextsCreated,
            wallSeconds = (DateTime.UtcNow - started).TotalSeconds,
        }));
        return summary.Completed ? 0 : 1;
    }

    default:
        Console.Error.WriteLine("usage: RenderBench site|crawl [--name value]...");
        return 2;
}

internal sealed class Arguments(Dictionary<string, string> values)
{
    public static Arguments Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
            }
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
        }

        return new Arguments(values);
    }

    public string String(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
