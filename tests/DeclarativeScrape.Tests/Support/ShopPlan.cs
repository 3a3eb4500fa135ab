using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace DeclarativeScrape.Tests;

/// <summary>The listing page type of the hand-built test plan.</summary>
public sealed class ListingPage;

/// <summary>A page type whose extractor throws (a buggy user converter).</summary>
public sealed class BrokenPage;

/// <summary>The item of the hand-built test plan.</summary>
public sealed record Product(string Title, decimal? Price, string Url);

/// <summary>
/// A crawl plan written by hand, as the generator would emit it, with small AngleSharp extractors: listing pages
/// follow <c>a.next</c> and <c>a.list</c> (listings), <c>a.product</c> (products) and <c>a.broken</c>; product pages
/// are items (<c>h1</c> required, <c>.price</c> optional) and follow <c>a.related</c>.
/// </summary>
public static class ShopPlan
{
    public static CrawlPlan<Product> Create(string name = "ShopScraper", ItemFormat<Product>? format = null) => new(
        name,
        [
            new PageType<Product>(typeof(ListingPage), "ListingPage", ExtractListing, isItem: false),
            new PageType<Product>(typeof(Product), "Product", ExtractProduct, isItem: true),
            new PageType<Product>(typeof(BrokenPage), "BrokenPage", ExtractBroken, isItem: false),
        ],
        format ?? new ProductFormat(),
        "test-fingerprint",
        () => new ScrapeOptions());

    public static ScrapeOptions Options(params Uri[] startUrls)
    {
        var options = new ScrapeOptions { Robots = { Obey = false } };
        foreach (var url in startUrls)
        {
            options.StartUrls.Add(url);
        }

        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }

    public static string ProductHtml(string title, string? price = "9.99", params string[] related) =>
        $"<html><head><title>{title}</title></head><body><h1>{title}</h1>" +
        (price is null ? "" : $"<p class=price>{price}</p>") +
        string.Concat(related.Select(r => $"<a class=related href=\"{r}\">r</a>")) + "</body></html>";

    public static string ListingHtml(params string[] links) =>
        "<html><body><ul>" + string.Concat(links.Select(l => $"<li>{l}</li>")) + "</ul></body></html>";

    public static string Product(string href) => $"<a class=product href=\"{href}\">p</a>";

    public static string Next(string href) => $"<a class=next href=\"{href}\">next</a>";

    private static bool ExtractListing(IDocument document, ExtractionContext context, out Product item)
    {
        item = default!;
        Follow<ListingPage>(document, context, "a.next", "Next");
        Follow<ListingPage>(document, context, "a.list", "Listings");
        Follow<Product>(document, context, "a.product", "Products");
        Follow<BrokenPage>(document, context, "a.broken", "Broken");
        return false;
    }

    private static bool ExtractProduct(IDocument document, ExtractionContext context, out Product item)
    {
        item = default!;
        Follow<Product>(document, context, "a.related", "Related");
        var title = document.QuerySelector("h1")?.TextContent.Trim();
        if (string.IsNullOrEmpty(title))
        {
            context.AddFailure("Title", "h1", "no element matched");
            return false;
        }

        var priceText = document.QuerySelector(".price")?.TextContent.Trim();
        decimal? price = decimal.TryParse(priceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : null;
        item = new Product(title, price, context.PageUrl.AbsoluteUri);
        return true;
    }

    private static bool ExtractBroken(IDocument document, ExtractionContext context, out Product item)
    {
        Follow<Product>(document, context, "a.product", "Products");
        throw new FormatException("the user converter failed");
    }

    private static void Follow<TPage>(IDocument document, ExtractionContext context, string selector, string property)
    {
        foreach (var a in document.QuerySelectorAll(selector))
        {
            context.AddLink<TPage>(property, a.GetAttribute("href") ?? string.Empty, out _);
        }
    }

    private sealed class ProductFormat : ItemFormat<Product>
    {
        public override IReadOnlyList<string> CsvColumns { get; } = ["title", "price", "url"];

        public override void WriteJson(Utf8JsonWriter writer, Product item)
        {
            writer.WriteStartObject();
            writer.WriteString("title", item.Title);
            if (item.Price is { } price)
            {
                writer.WriteNumber("price", price);
            }
            else
            {
                writer.WriteNull("price");
            }

            writer.WriteString("url", item.Url);
            writer.WriteEndObject();
        }

        public override void WriteCsvRow(Product item, Span<string?> cells)
        {
            cells[0] = item.Title;
            cells[1] = item.Price?.ToString(CultureInfo.InvariantCulture);
            cells[2] = item.Url;
        }
    }

    /// <summary>The plan's item format, except that the item titled <paramref name="title"/> throws when written (a user type's <c>ToString</c> that throws).</summary>
    public sealed class FormatFailingFor(string title) : ItemFormat<Product>
    {
        private readonly ProductFormat _format = new();

        public override IReadOnlyList<string> CsvColumns => _format.CsvColumns;

        public override void WriteJson(Utf8JsonWriter writer, Product item)
        {
            ThrowFor(item);
            _format.WriteJson(writer, item);
        }

        public override void WriteCsvRow(Product item, Span<string?> cells)
        {
            ThrowFor(item);
            _format.WriteCsvRow(item, cells);
        }

        private void ThrowFor(Product item)
        {
            if (item.Title == title)
            {
                throw new FormatException($"'{title}' cannot be formatted");
            }
        }
    }
}
