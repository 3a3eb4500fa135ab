namespace DeclarativeScrape.DemoSites;

/// <summary>
/// The ground truth of one book of a <see cref="BookstoreSite"/>: every field as a scraper should extract it from
/// the book's page (entities decoded, whitespace collapsed and trimmed, URLs absolute).
/// </summary>
public sealed record Book
{
    /// <summary>The book's number, 1 to <see cref="BookstoreSiteOptions.BookCount"/>, in catalogue order.</summary>
    public required int Id { get; init; }

    /// <summary>The detail page, <c>/catalogue/&lt;slug&gt;_&lt;id&gt;/index.html</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>The full title (<c>div.product_main h1</c>; listing links shorten titles over 40 characters).</summary>
    public required string Title { get; init; }

    /// <summary>The day the book was last modified, as the books' sitemap's <c>lastmod</c> says.</summary>
    public DateOnly LastModified { get; init; }

    /// <summary>The price in pounds (<c>p.price_color</c>, shown as <c>£51.77</c>).</summary>
    public required decimal Price { get; init; }

    /// <summary>The availability text (<c>p.availability</c>): <c>In stock (12 available)</c> or <c>Out of stock</c>.</summary>
    public required string Availability { get; init; }

    /// <summary>Copies in stock; 0 when out of stock.</summary>
    public required int Stock { get; init; }

    /// <summary>The rating word, <c>One</c> to <c>Five</c>: the second class of <c>p.star-rating</c>.</summary>
    public required string Rating { get; init; }

    /// <summary>The UPC, 16 lowercase hex digits (the specs table's <c>UPC</c> row).</summary>
    public required string Upc { get; init; }

    /// <summary>The category name (<c>ul.breadcrumb li:nth-child(3) a</c>).</summary>
    public required string Category { get; init; }

    /// <summary>The cover image (<c>div.item img</c> <c>src</c>), absolute.</summary>
    public required Uri Cover { get; init; }

    /// <summary>The description paragraph (<c>#product_description + p</c>).</summary>
    public required string Description { get; init; }

    /// <summary>The reviews (<c>#reviews article</c>), in page order; their count is the specs table's <c>Number of reviews</c>.</summary>
    public required IReadOnlyList<BookReview> Reviews { get; init; }
}
