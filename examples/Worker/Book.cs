namespace DeclarativeScrape.Examples.Worker;

/// <summary>A book's page, and the item the worker hands to <see cref="PriceLog"/>.</summary>
[Page, Item]
public partial record Book
{
    [Text("div.product_main h1")] public required string Title { get; init; }

    [Text("div.product_main p.price_color")] public decimal Price { get; init; }

    [Text("ul.breadcrumb li:nth-child(3) a")] public string? Category { get; init; }
}
