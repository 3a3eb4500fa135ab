using System.Globalization;
using System.Text;

namespace DeclarativeScrape.Benchmarks.Generator;

/// <summary>
/// The source of a realistic scraper project for the generator benchmark: 50 page types (every fifth a listing page,
/// the others product pages that are also items), 10 nested review item types, a rating enum, a scraper reaching every
/// page through <c>[Follow]</c> links, and 20 ordinary files without attributes. One file per type, as users write them.
/// </summary>
public static class SyntheticScraperProject
{
    /// <summary>Page types in the project.</summary>
    public const int PageCount = 50;

    /// <summary>Nested item types.</summary>
    public const int ReviewTypeCount = 10;

    /// <summary>Ordinary files without attributes.</summary>
    public const int PlainFileCount = 20;

    /// <summary>The product page the edits touch.</summary>
    public const int EditedPage = 27;

    /// <summary>The selector the <see cref="SourceEdit.Selector"/> edit changes, and what it becomes.</summary>
    public static readonly (string Before, string After) SelectorChange = ("h1.title", "h1.heading");

    /// <summary>The path of the file the <see cref="SourceEdit.Cosmetic"/> and <see cref="SourceEdit.Selector"/> edits change.</summary>
    public static string EditedPath => PagePath(EditedPage);

    /// <summary>The path of the file the <see cref="SourceEdit.UnrelatedFile"/> edit adds.</summary>
    public const string UnrelatedPath = "Support/PriceFormatting.cs";

    /// <summary>Every file of the project: (path, text), in a stable order.</summary>
    /// <returns>The files.</returns>
    public static IReadOnlyList<(string Path, string Text)> Files()
    {
        var files = new List<(string, string)> { ("Scraper.cs", Scraper()), ("Rating.cs", RatingEnum()) };
        for (var i = 0; i < ReviewTypeCount; i++)
        {
            files.Add(($"Reviews/Review{i:00}.cs", Review(i)));
        }

        for (var i = 0; i < PageCount; i++)
        {
            files.Add((PagePath(i), Page(i)));
        }

        for (var i = 0; i < PlainFileCount; i++)
        {
            files.Add(($"Services/CatalogueService{i:00}.cs", PlainFile(i)));
        }

        return files;
    }

    /// <summary>The text of the edited page after <paramref name="edit"/> (not for <see cref="SourceEdit.UnrelatedFile"/>).</summary>
    /// <param name="edit">The edit.</param>
    /// <returns>The new text of <see cref="EditedPath"/>.</returns>
    public static string EditedPageText(SourceEdit edit) => edit switch
    {
        SourceEdit.Cosmetic => Page(EditedPage).Replace(
            "    [Text(\"div.page-27 p.price_color\")]",
            "    // The price as shown, with its currency symbol: the runtime strips it.\n\n\n        [Text(\"div.page-27 p.price_color\")]",
            StringComparison.Ordinal),
        SourceEdit.Selector => Page(EditedPage).Replace(SelectorChange.Before, SelectorChange.After, StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, "Only the cosmetic and selector edits change the page."),
    };

    /// <summary>The new file of the <see cref="SourceEdit.UnrelatedFile"/> edit.</summary>
    /// <returns>Its text.</returns>
    public static string UnrelatedFile() => """
        using System.Globalization;

        namespace Synthetic.Shop.Support;

        /// <summary>Formats prices for reports.</summary>
        public static class PriceFormatting
        {
            /// <summary>A price in pounds, two decimals.</summary>
            public static string Pounds(decimal price) => "£" + price.ToString("0.00", CultureInfo.InvariantCulture);

            /// <summary>The mean of some prices, or zero.</summary>
            public static decimal Mean(System.Collections.Generic.IReadOnlyList<decimal> prices)
            {
                if (prices.Count == 0)
                {
                    return 0m;
                }

                var sum = 0m;
                foreach (var price in prices)
                {
                    sum += price;
                }

                return sum / prices.Count;
            }
        }
        """;

    private static string PagePath(int i) => $"Pages/Page{i:00}.cs";

    private static bool IsListing(int i) => i % 5 == 0;

    private static string Scraper() => """
        using DeclarativeScrape;

        namespace Synthetic.Shop;

        /// <summary>Crawls the synthetic shop from its first listing page through every page type.</summary>
        [Scraper(StartUrl = "https://shop.example/catalogue/page-1.html", StartPage = typeof(Pages.Page00))]
        [AllowedHosts("shop.example", "*.shop.example")]
        [Concurrency(Max = 32, PerHost = 8)]
        [RateLimit(RequestsPerSecond = 20, Burst = 5)]
        [Retry(MaxAttempts = 3, BaseDelayMs = 250, MaxDelayMs = 10000)]
        [Timeouts(RequestSeconds = 20, ReadIdleSeconds = 5)]
        [UserAgent("SyntheticShopBot/1.0 (+https://example.org/bot)")]
        [Limits(MaxPages = 100000)]
        public static partial class SyntheticShopScraper;
        """;

    private static string RatingEnum() => """
        namespace Synthetic.Shop;

        /// <summary>A star rating, written as a class name.</summary>
        public enum Rating
        {
            /// <summary>No rating.</summary>
            Zero,
            /// <summary>One star.</summary>
            One,
            /// <summary>Two stars.</summary>
            Two,
            /// <summary>Three stars.</summary>
            Three,
            /// <summary>Four stars.</summary>
            Four,
            /// <summary>Five stars.</summary>
            Five,
        }
        """;

    private static string Review(int i) => $$"""
        using System;
        using DeclarativeScrape;

        namespace Synthetic.Shop.Reviews;

        /// <summary>A review as shown on product pages of kind {{i}}.</summary>
        [Item]
        public partial record Review{{i:00}}
        {
            [Text("span.author")] public required string Author { get; init; }

            [Attr("time", "datetime"), Format("yyyy-MM-dd")] public DateTime Date { get; init; }

            [Attr("p.star-rating", "class"), Match(@"star-rating (\w+)")] public Rating Rating { get; init; }

            [Text("div.review-text")] public string? Text { get; init; }

            [Attr("a.permalink", "href")] public Uri? Link { get; init; }

            [Text("span.helpful"), Match(@"(\d+) found this helpful")] public int? Helpful { get; init; }
        }
        """;

    private static string Page(int i)
    {
        var next = (i + 1) % PageCount;
        var text = IsListing(i)
            ? $$"""
                using System;
                using System.Collections.Generic;
                using DeclarativeScrape;

                namespace Synthetic.Shop.Pages;

                /// <summary>Listing page {{i}} of the synthetic shop: products of one department.</summary>
                [Page]
                public partial class Page{{i:00}}
                {
                    [Text("div.page-{{i}} h1")] public required string Heading { get; init; }

                    [Text("li.current"), Match(@"Page (\d+) of")] public int PageNumber { get; init; }

                    [Follow("article.product_pod h3 a")] public IReadOnlyList<Link<Page{{i + 1:00}}>> Products { get; init; } = [];

                    [Follow("li.next a")] public Link<Page{{i:00}}>? NextListing { get; init; }

                    [Follow("nav.departments a.dept-{{next}}")] public Link<Page{{next:00}}>? NextDepartment { get; init; }

                    [PageUrl] public Uri Url { get; init; } = default!;

                    /// <summary>Whether this is the department's first listing page.</summary>
                    public bool IsFirst => PageNumber == 1;
                }
                """
            : $$"""
                using System;
                using System.Collections.Generic;
                using System.Globalization;
                using DeclarativeScrape;
                using Synthetic.Shop.Reviews;

                namespace Synthetic.Shop.Pages;

                /// <summary>Product page {{i}} of the synthetic shop.</summary>
                [Page, Item]
                public partial record Page{{i:00}}
                {
                    [Text("div.page-{{i}} h1.title")] public required string Title { get; init; }

                    [Text("div.page-{{i}} p.price_color")] public decimal Price { get; init; }

                    [Text("div.page-{{i}} p.availability"), Match(@"\((?<value>\d+) available\)")] public int? Stock { get; init; }

                    [Attr("div.page-{{i}} p.star-rating", "class"), Match(@"star-rating (\w+)")] public Rating Rating { get; init; }

                    [Attr("div.item img", "src")] public Uri? Cover { get; init; }

                    [Text("ul.breadcrumb li:nth-child(3) a")] public string? Category { get; init; }

                    [Text("table.specs tr:nth-child(1) td")] public string? Upc { get; init; }

                    [Text("time.published"), Format("yyyy-MM-dd")] public DateTime? Published { get; init; }

                    [Text("ul.tags li")] public IReadOnlyList<string> Tags { get; init; } = [];

                    [Html("#product_description + p")] public string? Description { get; init; }

                    [Items("#reviews article")] public IReadOnlyList<Review{{i % ReviewTypeCount:00}}> Reviews { get; init; } = [];

                    [Follow("li.next a")] public Link<Page{{next:00}}>? Next { get; init; }

                    [Follow("aside.related h3 a")] public IReadOnlyList<Link<Page{{(i * 7 + 3) % PageCount:00}}>> Related { get; init; } = [];

                    [PageUrl] public Uri Url { get; init; } = default!;

                    /// <summary>A line for logs.</summary>
                    public string Describe() =>
                        string.Create(CultureInfo.InvariantCulture, $"{Title}: {Price} ({Reviews.Count} reviews, {Tags.Count} tags)");
                }
                """;
        return text;
    }

    private static string PlainFile(int i)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace Synthetic.Shop.Services;

            /// <summary>Ordinary application code: no DeclarativeScrape attribute.</summary>
            public sealed class CatalogueService{{i:00}}
            {
                private readonly Dictionary<string, decimal> _prices = new(StringComparer.Ordinal);

            """);
        for (var m = 0; m < 8; m++)
        {
            builder.Append(CultureInfo.InvariantCulture, $$"""

                    /// <summary>Records a price seen for {{m}}.</summary>
                    public void Record{{m}}(string upc, decimal price)
                    {
                        ArgumentNullException.ThrowIfNull(upc);
                        _prices[upc + "-{{m}}"] = price;
                    }

                    /// <summary>The highest price seen for {{m}}.</summary>
                    public decimal Highest{{m}}() => _prices.Where(p => p.Key.EndsWith("-{{m}}", StringComparison.Ordinal)).Select(p => p.Value).DefaultIfEmpty().Max();

                """);
        }

        return builder.Append("}\n").ToString();
    }
}
