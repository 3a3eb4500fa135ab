namespace DeclarativeScrape.Examples.Bookstore;

/// <summary>A book's page, which is also the item the scraper emits (one JSON line or CSV row per book).</summary>
[Page, Item]
public partial record BookPage
{
    /// <summary>The full title.</summary>
    [Text("div.product_main h1")] public required string Title { get; init; }

    /// <summary>The price: <c>£51.77</c> becomes 51.77.</summary>
    [Text("div.product_main p.price_color")] public decimal Price { get; init; }

    /// <summary>For example <c>In stock (12 available)</c>.</summary>
    [Text("div.product_main p.availability")] public required string Availability { get; init; }

    /// <summary>The first cell of the product information table.</summary>
    [Text("table.table-striped td")] public required string Upc { get; init; }

    /// <summary>The cover image, resolved against the page's URL.</summary>
    [Attr("div.item img", "src")] public Uri? Cover { get; init; }

    /// <summary>The star rating, from the second class of <c>p.star-rating</c>.</summary>
    [Attr("div.product_main p.star-rating", "class"), Match(@"star-rating (\w+)")] public Rating Rating { get; init; }

    /// <summary>
    /// The category, carried from the category listing that linked to the book (<see cref="CategoryPage.Category"/>);
    /// <see langword="null"/> for a book reached otherwise (a start URL, a probe).
    /// </summary>
    [Carried] public string? Category { get; init; }

    /// <summary>The customer reviews, in page order.</summary>
    [Items("#reviews article")] public IReadOnlyList<Review> Reviews { get; init; } = [];

    /// <summary>The URL the page was fetched from.</summary>
    [PageUrl] public Uri Url { get; init; } = default!;
}
