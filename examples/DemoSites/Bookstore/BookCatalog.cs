using System.Globalization;

namespace DeclarativeScrape.DemoSites;

/// <summary>The books and categories of a bookstore, every value derived from the seed and the book's number.</summary>
internal sealed class BookCatalog
{
    public const int PerPage = 20;

    public static readonly string[] RatingWords = ["One", "Two", "Three", "Four", "Five"];

    private static readonly string[] CategoryNames =
    [
        "Travel", "Mystery", "Historical Fiction", "Science Fiction", "Poetry", "Fantasy", "Romance", "Philosophy",
        "Science", "Food & Drink", "Children's", "Art", "Horror", "Biography", "Humour", "Self-Help", "Crime",
        "Short Stories", "Music", "Young Adult",
    ];

    private static readonly string[] Adjectives =
    [
        "Silver", "Quiet", "Last", "Hidden", "Northern", "Burning", "Paper", "Glass", "Wild", "Broken", "Secret",
        "Winter", "Golden", "Distant", "Salt", "Velvet", "Forgotten", "Crooked", "Lonely", "Electric",
    ];

    private static readonly string[] Nouns =
    [
        "Lantern", "Harbour", "Orchard", "Cartographer", "Lighthouse", "Atlas", "Garden", "Library", "Mountain",
        "Letter", "Clockmaker", "River", "Island", "Kingdom", "Engine", "Frontier", "Violin", "Alphabet", "Ferry",
        "Observatory",
    ];

    private static readonly string[] Names = ["Zoë", "Søren", "José", "Amélie", "Björn", "Małgorzata", "Siobhán", "Noor", "Tomás", "Ingrid", "Kenji", "Ada"];

    private static readonly string[] Places = ["Lisbon", "Reykjavík", "Kraków", "São Paulo", "Zürich", "Marrakesh", "Oaxaca", "Tromsø", "Edinburgh", "Kyoto"];

    private static readonly string[] DescriptionSentences =
    [
        "A {adj} tale of a {noun} and the people who keep it running.",
        "Critics called it “unputdownable”, and for once they were right.",
        "It's a story about love & loss, told in {n} short chapters.",
        "Set in {place}, it follows a {noun} through one long, {adj} summer.",
        "Part mystery, part memoir — wholly original.",
        "The author's first novel in {n} years returns to the {noun} of her childhood.",
        "Readers of \"The {adj} {noun}\" will find much to love here.",
        "Translated from the original by {name}, with a new afterword.",
        "What begins as a quiet book about a {noun} becomes something much stranger…",
        "Includes maps, a glossary and {n} illustrations.",
    ];

    private static readonly string[] ReviewTitles =
    [
        "Loved it!", "Not what I expected", "A slow burn", "Five stars & then some", "Meh…", "Couldn't put it down",
        "Über-fantastisch", "\"Read it twice\"", "Good, not great", "My new favourite",
    ];

    private static readonly string[] ReviewSentences =
    [
        "I read it in one sitting.", "The ending — no spoilers — made me cry.", "My book club said it was \"too long\"; I disagree.",
        "Characters you'd want to meet & befriend.", "Pacing drags in the middle…", "Worth it for chapter 7 alone <3",
        "Not my cup of tea, but well written.", "Beautiful prose; clumsy plot.", "Bought it for my mum — she loved it.",
        "Il m'a fait rêver.", "Ein Buch für lange Winterabende.", "Die Übersetzung ist großartig.",
    ];

    private static readonly string[] Reviewers =
    [
        "Zoë Ashworth", "Søren Lund", "José Álvarez", "Małgorzata Nowak", "Siobhán O'Connor", "Chloé Dubois", "Jürgen Weiß",
        "Ngozi Okafor", "Hiroshi Tanaka", "Priya Patel", "Tom Baker", "Ana-María Pérez", "Åsa Lindqvist", "Dmitri Ivanov", "Li Wei",
    ];

    private static readonly DateOnly FirstReviewDate = new(2015, 1, 1);

    public BookCatalog(BookstoreSiteOptions options)
    {
        Seed = options.Seed;
        PagerWindow = options.PagerWindow;
        CrawlDelay = options.CrawlDelay;
        var books = new CatalogBook[options.BookCount];
        var byCategory = new List<int>[CategoryNames.Length];
        for (var c = 0; c < byCategory.Length; c++)
        {
            byCategory[c] = [];
        }

        for (var id = 1; id <= books.Length; id++)
        {
            var book = Generate(id);
            books[id - 1] = book;
            byCategory[book.Category].Add(id);
        }

        Books = books;
        Categories = [.. CategoryNames.Select((name, i) => new CatalogCategory(
            name, $"/catalogue/category/books/{Slug.Of(name)}_{i + 2}/", byCategory[i]))];
        AllBooks = new CatalogCategory("Books", "/catalogue/category/books_1/", [.. Enumerable.Range(1, books.Length)]);
    }

    public int Seed { get; }

    public int PagerWindow { get; }

    public TimeSpan? CrawlDelay { get; }

    /// <summary>The books; book <c>n</c> at index <c>n - 1</c>.</summary>
    public IReadOnlyList<CatalogBook> Books { get; }

    public IReadOnlyList<CatalogCategory> Categories { get; }

    /// <summary>The "Books" category that holds every book (<c>books_1</c>).</summary>
    public CatalogCategory AllBooks { get; }

    /// <summary>Pages of <c>/catalogue/page-N.html</c>.</summary>
    public int ListingPages => PageCount(Books.Count);

    public static int PageCount(int books) => Math.Max(1, (books + PerPage - 1) / PerPage);

    public static string CataloguePath(int page) => $"/catalogue/page-{page}.html";

    private CatalogBook Generate(int id)
    {
        var r = SeededRandom.For(Seed, id, 0xB00C);
        var title = Title(ref r);
        var priceCents = r.Next(1000, 6000);
        var stock = r.OneIn(10) ? 0 : r.Next(1, 23);
        var stars = r.Next(1, 6);
        var upc = r.NextUInt64().ToString("x16", CultureInfo.InvariantCulture);
        var category = r.Next(CategoryNames.Length);
        var description = string.Join(' ', Enumerable.Range(0, r.Next(2, 6)).Select(_ => Fill(r.Pick(DescriptionSentences), ref r)));
        var reviews = new BookReview[r.Next(6) switch { 0 or 1 => 0, 2 => 1, 3 => 2, 4 => 3, _ => 5 }];
        for (var i = 0; i < reviews.Length; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, r.Next(1, 4)).Select(_ => r.Pick(ReviewSentences)).Distinct());
            reviews[i] = new BookReview(r.Pick(ReviewTitles), r.Pick(Reviewers), FirstReviewDate.AddDays(r.Next(3650)), RatingWords[r.Next(5)], text);
        }

        return new CatalogBook(id, Slug.Of(title), title, priceCents, stock, stars, upc, category, description, reviews);
    }

    private static string Title(ref SeededRandom r) => r.Next(8) switch
    {
        0 => $"The {r.Pick(Adjectives)} {r.Pick(Nouns)}",
        1 => $"{r.Pick(Nouns)} & {r.Pick(Adjectives)} {r.Pick(Nouns)}",
        2 => $"{r.Pick(Names)}'s {r.Pick(Nouns)}",
        3 => $"A {r.Pick(Nouns)} in {r.Pick(Places)}",
        4 => $"The {r.Pick(Nouns)} of {r.Pick(Places)}: A Novel",
        5 => $"\"{r.Pick(Adjectives)}\" and Other Stories",
        6 => $"Notes from the {r.Pick(Adjectives)} {r.Pick(Nouns)}",
        _ => $"The {r.Pick(Adjectives)} {r.Pick(Nouns)} ({r.Pick(Places)} Mysteries, #{r.Next(1, 10)})",
    };

    private static string Fill(string template, ref SeededRandom r) => template
        .Replace("{adj}", r.Pick(Adjectives).ToLowerInvariant(), StringComparison.Ordinal)
        .Replace("{noun}", r.Pick(Nouns).ToLowerInvariant(), StringComparison.Ordinal)
        .Replace("{place}", r.Pick(Places), StringComparison.Ordinal)
        .Replace("{name}", r.Pick(Names), StringComparison.Ordinal)
        .Replace("{n}", r.Next(3, 40).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
