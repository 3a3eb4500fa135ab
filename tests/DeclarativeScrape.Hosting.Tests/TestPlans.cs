using System.Text.Json;

namespace DeclarativeScrape.Hosting.Tests;

public sealed record TestItem(string Title);

internal sealed class TestPage;

/// <summary>Hand-written stand-ins for what the generator emits, so the host can be tested without a scraper.</summary>
internal static class TestPlans
{
    public const string Name = "TestScraper";
    public static readonly Uri StartUrl = new("http://localhost:5080/catalogue/page-1.html");

    /// <summary>A plan whose defaults are those of a scraper with [Scraper(StartUrl = …)], [AllowedHosts("localhost")], [Concurrency(Max = 16, PerHost = 8)], [RateLimit(50)].</summary>
    public static CrawlPlan<TestItem> Plan(bool csv = true, bool withStartUrl = true) => new(
        Name,
        [new PageType<TestItem>(typeof(TestPage), nameof(TestPage), Extract, isItem: true)],
        new Format(csv ? ["title"] : []),
        "fingerprint",
        () =>
        {
            var options = new ScrapeOptions
            {
                AllowedHosts = { "localhost" },
                Concurrency = { Max = 16, PerHost = 8 },
                RateLimit = { RequestsPerSecond = 50, Burst = 10 },
            };
            if (withStartUrl)
            {
                options.StartUrls.Add(StartUrl);
            }

            return options;
        });

    private static bool Extract(AngleSharp.Dom.IDocument document, ExtractionContext context, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TestItem item)
    {
        item = null;
        return false;
    }

    private sealed class Format(IReadOnlyList<string> columns) : ItemFormat<TestItem>
    {
        public override IReadOnlyList<string> CsvColumns => columns;

        public override void WriteJson(Utf8JsonWriter writer, TestItem item)
        {
            writer.WriteStartObject();
            writer.WriteString("title", item.Title);
            writer.WriteEndObject();
        }

        public override void WriteCsvRow(TestItem item, Span<string?> cells) => cells[0] = item.Title;
    }
}
