namespace DeclarativeScrape.Generators.Tests.Scrapers;

// Properties that read their own scope element with ':scope': a page's <html>, a nested item's matched element.

[Scraper(StartUrl = "http://127.0.0.1:5080/products/", StartPage = typeof(ProductListPage))]
public static partial class ProductScraper;

[Page, Item]
public partial class ProductListPage
{
    [Attr(":scope", "lang")] public required string Language { get; init; }

    [Items("article.product")] public IReadOnlyList<Product> Products { get; init; } = [];

    [Items("a.card")] public IReadOnlyList<ProductCard> Cards { get; init; } = [];
}

[Item]
public partial record Product
{
    [Attr(":scope", "data-sku")] public required string Sku { get; init; }

    [Attr(" :scope ", "data-price")] public decimal? Price { get; init; }

    [Text("h3")] public string? Name { get; init; }

    [Text(":scope > p")] public string? Note { get; init; }

    [Attr(":scope", "class")] public IReadOnlyList<string> Classes { get; init; } = [];

    [Attr(":SCOPE", "data-none")] public IReadOnlyList<string> Absent { get; init; } = [];
}

[Item]
public partial record ProductCard
{
    [Follow(":scope")] public required Link<ProductPage> Page { get; init; }

    [Text(":scope")] public string? Label { get; init; }
}

[Page, Item]
public partial record ProductPage
{
    [Text("h1")] public string? Title { get; init; }

    [Items("ul.specs li")] public IReadOnlyList<ProductSpec> Specs { get; init; } = [];
}

[Item]
public partial record ProductSpec
{
    [OuterHtml(":scope")] public required string Outer { get; init; }

    [Html(":scope")] public string? Inner { get; init; }

    [Text(":scope")] public IReadOnlyList<string> Texts { get; init; } = [];
}
