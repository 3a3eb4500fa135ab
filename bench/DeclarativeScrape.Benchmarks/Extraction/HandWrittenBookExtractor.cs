using System.Globalization;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>
/// The bar the generated extractor is held to: what a skilled developer writes directly against AngleSharp for the
/// same fields. Every selector is parsed once into an <see cref="ISelector"/> and evaluated with AngleSharp's own
/// <see cref="ISelector"/> query over <see cref="INode.ChildNodes"/>; no LINQ, no regex (the rating is cut out of the
/// class attribute with span operations), invariant-culture parsing, text whitespace collapsed by <see cref="WhitespaceCollapse"/>.
/// Like the generated code it tolerates nothing silently: a missing required value throws (benchmarked pages have
/// none).
/// </summary>
public static class HandWrittenBookExtractor
{
    private const string RatingPrefix = "star-rating ";

    private static readonly ISelector Title = Parse("div.product_main h1");
    private static readonly ISelector Price = Parse("div.product_main p.price_color");
    private static readonly ISelector Availability = Parse("div.product_main p.availability");
    private static readonly ISelector StarRating = Parse("div.product_main p.star-rating");
    private static readonly ISelector Upc = Parse("table.table-striped tr:first-child td");
    private static readonly ISelector Category = Parse("ul.breadcrumb li:nth-child(3) a");
    private static readonly ISelector Cover = Parse("div.item img");
    private static readonly ISelector Reviews = Parse("#reviews article");
    private static readonly ISelector ReviewAuthor = Parse("span.author");
    private static readonly ISelector ReviewTime = Parse("time");
    private static readonly ISelector ReviewRating = Parse("p.star-rating");
    private static readonly ISelector ReviewText = Parse("div.review-text");

    /// <summary>Extracts the book on <paramref name="document"/>, fetched from <paramref name="url"/>.</summary>
    /// <param name="document">The parsed page.</param>
    /// <param name="url">The page URL; the cover resolves against it.</param>
    /// <returns>The book.</returns>
    public static BookPage Extract(IDocument document, Uri url)
    {
        var nodes = document.ChildNodes;
        var reviewElements = new List<IElement>();
        nodes.QuerySelectorAll(Reviews, reviewElements);
        var reviews = new List<Review>(reviewElements.Count);
        foreach (var article in reviewElements)
        {
            var children = article.ChildNodes;
            reviews.Add(new Review
            {
                Author = Text(children, ReviewAuthor),
                Date = DateTime.ParseExact(Required(children, ReviewTime).GetAttribute("datetime")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Rating = ParseRating(Required(children, ReviewRating).GetAttribute("class")),
                Text = Text(children, ReviewText),
            });
        }

        var price = Text(nodes, Price).AsSpan();
        return new BookPage
        {
            Title = Text(nodes, Title),
            Price = decimal.Parse(price.StartsWith('£') ? price[1..] : price, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
            Availability = Text(nodes, Availability),
            Rating = ParseRating(Required(nodes, StarRating).GetAttribute("class")),
            Upc = Text(nodes, Upc),
            Category = Text(nodes, Category),
            Cover = new Uri(url, Required(nodes, Cover).GetAttribute("src")!),
            Reviews = reviews,
            Url = url,
        };
    }

    private static ISelector Parse(string selector) =>
        new CssSelectorParser().ParseSelector(selector) ?? throw new ArgumentException($"'{selector}' is not a valid selector.", nameof(selector));

    private static IElement Required(INodeList scope, ISelector selector) =>
        scope.QuerySelector(selector) ?? throw new InvalidOperationException("A required element is missing.");

    private static string Text(INodeList scope, ISelector selector) => WhitespaceCollapse.Collapse(Required(scope, selector).TextContent);

    // "star-rating Three" -> Rating.Three, without a regex.
    private static Rating ParseRating(string? classes)
    {
        var span = classes.AsSpan();
        var start = span.IndexOf(RatingPrefix, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new FormatException($"'{classes}' has no rating.");
        }

        var word = span[(start + RatingPrefix.Length)..];
        var end = word.IndexOf(' ');
        word = end < 0 ? word : word[..end];
        return word switch
        {
            "One" => Rating.One,
            "Two" => Rating.Two,
            "Three" => Rating.Three,
            "Four" => Rating.Four,
            "Five" => Rating.Five,
            _ => throw new FormatException($"'{classes}' has no rating."),
        };
    }
}
