using System.Globalization;
using System.Text.Json;
using DeclarativeScrape.DemoSites;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary>Compares what the examples wrote with the demo sites' ground truth, item for item and field for field.</summary>
public static class GroundTruth
{
    /// <summary>Every book of <paramref name="site"/> exactly once in <paramref name="items"/>, with every field right.</summary>
    public static void ShouldBeEveryBook(IReadOnlyList<JsonElement> items, BookstoreSite site) =>
        ShouldBeBooks(items, site.Books);

    /// <summary><paramref name="items"/> are distinct books of <paramref name="books"/>, with every field right.</summary>
    public static void ShouldBeBooks(IReadOnlyList<JsonElement> items, IReadOnlyList<Book> books, bool all = true)
    {
        var byUrl = books.ToDictionary(b => b.Url.AbsoluteUri);
        var seen = new HashSet<string>();
        foreach (var item in items)
        {
            var url = item.GetProperty("url").GetString()!;
            seen.Add(url).ShouldBeTrue($"{url} is written once");
            byUrl.TryGetValue(url, out var book).ShouldBeTrue($"{url} is a book of the site");
            ShouldBeBook(item, book!);
        }

        if (all)
        {
            seen.Count.ShouldBe(books.Count, "every book is written");
        }
    }

    public static void ShouldBeBook(JsonElement item, Book book)
    {
        var where = $"book {book.Id} ({book.Url})";
        item.GetProperty("title").GetString().ShouldBe(book.Title, where);
        item.GetProperty("price").GetDecimal().ShouldBe(book.Price, where);
        item.GetProperty("availability").GetString().ShouldBe(book.Availability, where);
        item.GetProperty("upc").GetString().ShouldBe(book.Upc, where);
        item.GetProperty("cover").GetString().ShouldBe(book.Cover.AbsoluteUri, where);
        item.GetProperty("rating").GetString().ShouldBe(book.Rating, where);
        item.GetProperty("category").GetString().ShouldBe(book.Category, where);
        var reviews = item.GetProperty("reviews").EnumerateArray().ToList();
        reviews.Count.ShouldBe(book.Reviews.Count, where);
        for (var i = 0; i < reviews.Count; i++)
        {
            var review = reviews[i];
            var expected = book.Reviews[i];
            review.GetProperty("title").GetString().ShouldBe(expected.Title, where);
            review.GetProperty("author").GetString().ShouldBe(expected.Author, where);
            DateOnly.FromDateTime(review.GetProperty("date").GetDateTime()).ShouldBe(expected.Date, where);
            review.GetProperty("rating").GetString().ShouldBe(expected.Rating, where);
            review.GetProperty("text").GetString().ShouldBe(expected.Text, where);
        }
    }

    /// <summary>Every page of <paramref name="site"/> exactly once, with its title, heading, section, headings and table of contents.</summary>
    public static void ShouldBeEveryDocPage(IReadOnlyList<JsonElement> items, DocsSite site)
    {
        var sectionTitles = site.Pages.Where(p => p.Kind == DocPageKind.SectionIndex).ToDictionary(p => p.Section, p => p.Title);
        var byUrl = site.Pages.ToDictionary(p => p.Url.AbsoluteUri);
        var seen = new HashSet<string>();
        foreach (var item in items)
        {
            var url = item.GetProperty("url").GetString()!;
            seen.Add(url).ShouldBeTrue($"{url} is written once");
            byUrl.TryGetValue(url, out var page).ShouldBeTrue($"{url} is a page of the site");
            item.GetProperty("title").GetString().ShouldBe($"{page!.Title} · DemoDocs", url);
            item.GetProperty("h1").GetString().ShouldBe(page.Title, url);
            item.GetProperty("section").GetString().ShouldBe(page.Kind == DocPageKind.Home ? null : sectionTitles[page.Section], url);
            var headings = Strings(item, "headings").Zip(Strings(item, "headingIds"), (text, id) => (text, id)).ToList();
            headings.ShouldBe([.. page.Headings.Select(h => (h.Text, h.Id))], url);
            Strings(item, "headings").Count.ShouldBe(Strings(item, "headingIds").Count, url);
            var toc = item.GetProperty("toc").EnumerateArray().Select(e => (e.GetProperty("text").GetString()!, e.GetProperty("anchor").GetString()!)).ToList();
            toc.ShouldBe([.. page.Headings.Select(h => (h.Text, h.Id))], url);
            item.GetProperty("headingCount").GetInt32().ShouldBe(page.Headings.Count, url);
            (item.GetProperty("next").GetString() is { } next ? new Uri(next) : null).ShouldBe(page.Next, url);
            item.EnumerateObject().Select(p => p.Name).ShouldBe(["title", "h1", "section", "headings", "headingIds", "headingCount", "toc", "url", "next"], url);
        }

        seen.Count.ShouldBe(site.Pages.Count, "every page is written");
    }

    private static List<string> Strings(JsonElement item, string property) =>
        [.. item.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>A price as the invariant culture writes it.</summary>
    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
