using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Benchmarks.Extraction;

/// <summary>
/// Book detail pages saved from the demo bookstore: the site is started on loopback once, the first
/// <c>count</c> book pages are fetched as a crawler would receive them, and the site is stopped. The HTML is
/// deterministic (seeded); only the port in the URLs differs between runs.
/// </summary>
public static class SavedBookPages
{
    private const int RecommendationListingPages = 3; // 3 listing pages x 20 cards = 60 product cards
    private const string RecommendationsAnchor = "<h2>Products you recently viewed</h2>\n</div>\n";

    /// <summary>Fetches <paramref name="count"/> book pages, in catalogue order.</summary>
    /// <param name="count">How many pages.</param>
    /// <param name="size">The demo pages as served, or enlarged with a block of product cards.</param>
    /// <returns>The pages with their ground truth.</returns>
    public static IReadOnlyList<SavedPage> Load(int count, PageSize size) => LoadAsync(count, size).GetAwaiter().GetResult();

    private static async Task<IReadOnlyList<SavedPage>> LoadAsync(int count, PageSize size)
    {
        await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = Math.Max(count, RecommendationListingPages * 20) }).ConfigureAwait(false);
        using var http = new HttpClient();
        var recommendations = size == PageSize.Large ? await RecommendationsAsync(site, http).ConfigureAwait(false) : null;
        var pages = new List<SavedPage>(count);
        foreach (var book in site.Books.Take(count))
        {
            var html = await http.GetStringAsync(book.Url).ConfigureAwait(false);
            pages.Add(new SavedPage(book.Url, recommendations is null ? html : Enlarge(html, recommendations), book));
        }

        return pages;
    }

    // The product cards (<ol class="row">...</ol>) of the first listing pages, as one "recommended" section.
    private static async Task<string> RecommendationsAsync(BookstoreSite site, HttpClient http)
    {
        var section = new System.Text.StringBuilder("<section class=\"recommended\">\n<h2>Recommended for you</h2>\n");
        for (var page = 1; page <= RecommendationListingPages; page++)
        {
            var listing = await http.GetStringAsync(site.ListingUrl(page)).ConfigureAwait(false);
            var start = listing.IndexOf("<ol class=\"row\">", StringComparison.Ordinal);
            var end = listing.IndexOf("</ol>", start, StringComparison.Ordinal) + "</ol>".Length;
            section.Append(listing, start, end - start).Append('\n');
        }

        return section.Append("</section>\n").ToString();
    }

    private static string Enlarge(string html, string recommendations)
    {
        var at = html.IndexOf(RecommendationsAnchor, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("The demo book page changed: the 'Products you recently viewed' heading is gone.");
        }

        return html.Insert(at + RecommendationsAnchor.Length, recommendations);
    }
}
