using DeclarativeScrape.Examples.Bookstore;

namespace DeclarativeScrape.Examples.SharedEngine;

/// <summary>A book as a listing shows it: a nested item, its selectors relative to each <c>article.product_pod</c>.</summary>
[Item]
public partial record Offer
{
    /// <summary>The full title (the link's <c>title</c> attribute; its text is shortened past 40 characters).</summary>
    [Attr("h3 a", "title")] public required string Title { get; init; }

    /// <summary>The price.</summary>
    [Text("p.price_color")] public decimal Price { get; init; }

    /// <summary>The star rating.</summary>
    [Attr("p.star-rating", "class"), Match(@"star-rating (\w+)")] public Rating Rating { get; init; }

    /// <summary>The book's page.</summary>
    [Attr("h3 a", "href")] public required Uri Book { get; init; }
}
