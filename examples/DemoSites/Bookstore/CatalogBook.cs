using System.Globalization;

namespace DeclarativeScrape.DemoSites;

/// <summary>One generated book, before it has a site address.</summary>
internal sealed record CatalogBook(
    int Id, string Slug, string Title, int PriceCents, int Stock, int Stars, string Upc, int Category, string Description, IReadOnlyList<BookReview> Reviews)
{
    public string Path => $"/catalogue/{Slug}_{Id}/index.html";

    public string CoverPath => $"/media/cache/{Upc[..2]}/{Upc[2..4]}/{Upc}.jpg";

    public decimal Price => PriceCents / 100m;

    public string PriceText => "£" + Price.ToString("0.00", CultureInfo.InvariantCulture);

    public string Availability => Stock > 0 ? $"In stock ({Stock} available)" : "Out of stock";

    public string RatingWord => BookCatalog.RatingWords[Stars - 1];
}
