using System.Globalization;

namespace DeclarativeScrape.Examples.SharedEngine;

/// <summary>Books and prices per category, summed from the category pages as they stream in.</summary>
internal sealed class CategoryPrices
{
    private readonly SortedDictionary<string, (int Books, decimal Total)> _byCategory = new(StringComparer.Ordinal);

    public void Add(CategoryPage page)
    {
        var (books, total) = _byCategory.GetValueOrDefault(page.Category);
        foreach (var offer in page.Offers)
        {
            books++;
            total += offer.Price;
        }

        _byCategory[page.Category] = (books, total);
    }

    /// <summary>The <paramref name="count"/> categories with the highest average price.</summary>
    public IEnumerable<string> DearestLines(int count) =>
        _byCategory.Where(c => c.Value.Books > 0)
            .OrderByDescending(c => c.Value.Total / c.Value.Books)
            .Take(count)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"  {c.Key,-24} {c.Value.Books,5} books, £{c.Value.Total / c.Value.Books:0.00} on average"));
}
