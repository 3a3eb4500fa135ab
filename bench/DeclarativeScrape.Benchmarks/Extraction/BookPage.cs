namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>
/// A demo bookstore detail page, declared the DeclarativeScrape way. The generator writes its <c>Extract</c>; the
/// hand-written and reflection extractors build the same record from the same selectors, so the three results
/// compare with <see cref="BookPageEquality"/>.
/// </summary>
[Page, Item]
public partial record BookPage
{
    /// <summary>The title.</summary>
    [Text("div.product_main h1")]
    public required string Title { get; init; }

    /// <summary>The price, shown as <c>£51.77</c>.</summary>
    [Text("div.product_main p.price_color")]
    public decimal Price { get; init; }

    /// <summary>The availability text, <c>In stock (12 available)</c> or <c>Out of stock</c>.</summary>
    [Text("div.product_main p.availability")]
    public required string Availability { get; init; }

    /// <summary>The rating: the word after <c>star-rating</c> in the class attribute.</summary>
    [Attr("div.product_main p.star-rating", "class"), Match(@"star-rating (\w+)")]
    public Rating Rating { get; init; }

    /// <summary>The UPC: the first row of the specs table.</summary>
    [Text("table.table-striped tr:first-child td")]
    public required string Upc { get; init; }

    /// <summary>The category: the third breadcrumb.</summary>
    [Text("ul.breadcrumb li:nth-child(3) a")]
    public required string Category { get; init; }

    /// <summary>The cover image, resolved against the page URL.</summary>
    [Attr("div.item img", "src")]
    public required Uri Cover { get; init; }

    /// <summary>The reviews, in page order.</summary>
    [Items("#reviews article")]
    public IReadOnlyList<Review> Reviews { get; init; } = [];

    /// <summary>The page's URL.</summary>
    [PageUrl]
    public required Uri Url { get; init; }
}
