using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeclarativeScrape.Hosting;

/// <summary>
/// The <c>probe</c> command, like <c>scrapy parse</c>: one page (fetched as a crawl fetches it, or a saved file) through
/// one page type's extraction. Standard output gets one JSON object (the value, every failure with its selector, the
/// links of each <c>[Follow]</c>); standard error a short verdict. <c>--save DIR</c> writes the page as a sample with its
/// expected-values file. The exit code is <see cref="ExitCodes.Success"/> when the page extracted without a failure.
/// </summary>
internal sealed class ProbeRunner(HostConsole console)
{
    /// <summary>The links of each <c>[Follow]</c> property shown (all are counted, and all are saved).</summary>
    public const int LinksShown = 5;

    /// <summary>The URL of a saved page whose URL is not known: the sample check's placeholder.</summary>
    public const string PlaceholderHost = "https://sample.invalid/";

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<int> RunAsync<TItem>(CrawlPlan<TItem> plan, Action<ScrapeOptions>? configure, ProbeSettings probe, CancellationToken cancellationToken)
    {
        PageType<TItem>? pageType = null;
        if (probe.PageType is { } name)
        {
            pageType = plan.Pages.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (pageType is null)
            {
                console.Error.WriteLine($"error: --page: '{name}' is not a page type of {plan.Name}; its page types are {string.Join(", ", plan.Pages.Select(p => p.Name))}.");
                return ExitCodes.Usage;
            }
        }

        var options = plan.CreateOptions();
        configure?.Invoke(options);
        options.OutputPath = null;
        options.StateDirectory = null;
        options.StateDatabase = null;
        if (probe.NoRobots)
        {
            options.Robots.Obey = false;
        }

        if (probe.PageEncoding is { } encoding)
        {
            options.PageEncoding = encoding;
        }

        if (probe.HttpCache is { } httpCache)
        {
            options.HttpCache.Directory = httpCache;
        }

        ProbeResult<TItem> result;
        try
        {
            if (probe.Url is { } url)
            {
                // As a crawl started at this URL: its host is allowed (besides the scraper's own hosts, for redirects).
                options.StartUrls = [url];
                if (options.AllowedHosts.Count > 0 && !options.AllowedHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
                {
                    options.AllowedHosts = [.. options.AllowedHosts, url.Host];
                }

                console.Error.WriteLine($"Probing {url.AbsoluteUri} as {(pageType ?? plan.StartPage).Name} (user agent '{options.UserAgent}', robots.txt {(options.Robots.Obey ? "obeyed" : "ignored")})");
                result = await PageProbe.FetchAsync(plan, options, url, pageType, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var file = probe.File!;
                var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
                var (savedUrl, contentType) = ReadExpectedValues(file);
                var pageUrl = probe.FileUrl ?? savedUrl ?? new Uri(PlaceholderHost + Uri.EscapeDataString(Path.GetFileName(file)));
                console.Error.WriteLine($"Reading {file} as {(pageType ?? plan.StartPage).Name} at {pageUrl.AbsoluteUri}");
                result = PageProbe.Read(plan, bytes, pageUrl, contentType, pageType, options);
            }
        }
        catch (ScrapeOptionsException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            console.Error.WriteLine($"error: {probe.File}: {e.Message}");
            return ExitCodes.Usage;
        }

        console.Output.WriteLine(Json(plan, result));
        console.Output.Flush();
        Report(plan, result, pageType is null);
        if (probe.SaveDirectory is { } directory && result.Problem is null)
        {
            Save(plan, result, directory);
        }

        return result.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>The probe's JSON: the page, the verdict, the value, the failures and the links of each <c>[Follow]</c>.</summary>
    public static string Json<TItem>(CrawlPlan<TItem> plan, ProbeResult<TItem> result) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("url", result.Url.AbsoluteUri);
        if (result.FinalUrl.AbsoluteUri != result.Url.AbsoluteUri)
        {
            writer.WriteString("finalUrl", result.FinalUrl.AbsoluteUri);
        }

        if (result.StatusCode is { } status)
        {
            writer.WriteNumber("status", status);
        }

        if (result.ContentType is { } contentType)
        {
            writer.WriteString("contentType", contentType);
        }

        writer.WriteString("pageType", result.PageType.Name);
        writer.WriteBoolean("succeeded", result.Succeeded);
        if (result.Problem is { } problem)
        {
            writer.WriteString("problem", problem);
        }

        if (result.Error is { } error)
        {
            writer.WriteString("error", error);
        }

        if (result.HasItem)
        {
            writer.WritePropertyName("value");
            WriteItem(writer, plan, result.Item!);
        }

        writer.WriteStartArray("failures");
        foreach (var failure in result.Failures)
        {
            writer.WriteStartObject();
            writer.WriteString("property", failure.Property);
            writer.WriteString("selector", failure.Selector);
            writer.WriteString("message", failure.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("links");
        foreach (var (property, urls) in LinksByProperty(result))
        {
            writer.WriteStartObject(property);
            writer.WriteNumber("count", urls.Count);
            writer.WriteStartArray("first");
            foreach (var url in urls.Take(LinksShown))
            {
                writer.WriteStringValue(url);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    /// <summary>The expected-values file of a saved page (read by the sample check): its URL, <c>Content-Type</c>, value and every link.</summary>
    public static string ExpectedValuesJson<TItem>(CrawlPlan<TItem> plan, ProbeResult<TItem> result) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("url", result.FinalUrl.AbsoluteUri);
        if (result.ContentType is { } contentType)
        {
            writer.WriteString("contentType", contentType);
        }

        if (result.HasItem)
        {
            writer.WritePropertyName("value");
            WriteItem(writer, plan, result.Item!);
        }

        writer.WriteStartObject("links");
        foreach (var (property, urls) in LinksByProperty(result))
        {
            writer.WriteStartArray(property);
            foreach (var url in urls)
            {
                writer.WriteStringValue(url);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    /// <summary>Each <c>[Follow]</c> property's links in document order, as the sample check compares them (the resolved URL, else the <c>href</c>).</summary>
    private static List<(string Property, List<string> Urls)> LinksByProperty<TItem>(ProbeResult<TItem> result)
    {
        var byProperty = new List<(string Property, List<string> Urls)>();
        foreach (var link in result.Links)
        {
            var index = byProperty.FindIndex(p => p.Property == link.Property);
            if (index < 0)
            {
                byProperty.Add((link.Property, []));
                index = byProperty.Count - 1;
            }

            byProperty[index].Urls.Add(link.Url?.AbsoluteUri ?? link.Href);
        }

        return byProperty;
    }

    private static void WriteItem<TItem>(Utf8JsonWriter writer, CrawlPlan<TItem> plan, TItem item) => plan.Format.WriteJson(writer, item);

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The verdict on standard error: what failed and, when the start page type was only a default, the page types that would extract the page.</summary>
    private void Report<TItem>(CrawlPlan<TItem> plan, ProbeResult<TItem> result, bool pageTypeDefaulted)
    {
        if (result.Problem is { } problem)
        {
            console.Error.WriteLine($"No page: {problem}");
            return;
        }

        var links = LinksByProperty(result);
        var linkText = links.Count == 0 ? "no links" : string.Join(", ", links.Select(l => $"{l.Property}: {Quantities.Count(l.Urls.Count)} link(s)"));
        if (result.Succeeded)
        {
            console.Error.WriteLine($"{result.PageType.Name}: extracted without failures{(result.HasItem ? " (an item)" : "")}; {linkText}.");
            return;
        }

        console.Error.WriteLine($"{result.PageType.Name}: {Quantities.Count(result.Failures.Count)} failure(s){(result.Error is null ? "" : ", and " + result.Error)}; {linkText}.");
        foreach (var failure in result.Failures)
        {
            console.Error.WriteLine($"  {failure.Property} (selector '{failure.Selector}'): {failure.Message}");
        }

        if (pageTypeDefaulted)
        {
            var others = plan.Pages
                .Where(p => p != result.PageType && PageProbe.Read(plan, result.Body, result.FinalUrl, result.ContentType, p).Succeeded)
                .Select(p => p.Name)
                .ToList();
            if (others.Count > 0)
            {
                console.Error.WriteLine($"The page extracts without failures as {string.Join(", ", others)}: try --page {others[0]}.");
            }
        }
    }

    /// <summary>Writes the page and its expected-values file to <paramref name="directory"/>, and the <c>[Sample]</c> that names them.</summary>
    private void Save<TItem>(CrawlPlan<TItem> plan, ProbeResult<TItem> result, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = SampleStem(result.PageType.Name, result.FinalUrl);
        var page = Path.Combine(directory, stem + ".html");
        for (var n = 2; File.Exists(page); n++)
        {
            page = Path.Combine(directory, $"{stem}-{n}.html");
        }

        var expected = Path.ChangeExtension(page, ".expected.json");
        File.WriteAllBytes(page, result.Body.ToArray());
        File.WriteAllText(expected, ExpectedValuesJson(plan, result) + "\n");
        console.Error.WriteLine($"Saved {page} and {expected}. Name it on the page type:");
        console.Error.WriteLine($"  [Sample(\"{page.Replace('\\', '/')}\", Url = \"{result.FinalUrl.AbsoluteUri}\")]");
    }

    /// <summary>A file name for a sample: the page type and the URL's last path segment, letters, digits, '-' and '_' only.</summary>
    public static string SampleStem(string pageType, Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var last = segments.Length == 0 ? "home" : Path.GetFileNameWithoutExtension(segments[^1]);
        if (last is "index" or "" && segments.Length > 1)
        {
            last = segments[^2];
        }

        var stem = new StringBuilder(pageType.ToLowerInvariant()).Append('-');
        foreach (var c in Uri.UnescapeDataString(last))
        {
            stem.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '-');
        }

        return stem.Length > 80 ? stem.ToString(0, 80) : stem.ToString();
    }

    /// <summary>The <c>url</c> and <c>contentType</c> of the expected-values file beside a saved page, when there is one.</summary>
    private static (Uri? Url, string? ContentType) ReadExpectedValues(string file)
    {
        var path = Path.ChangeExtension(file, ".expected.json");
        if (!File.Exists(path))
        {
            return (null, null);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var parsed) ? parsed : null;
        var contentType = root.TryGetProperty("contentType", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return (url, contentType);
    }
}
