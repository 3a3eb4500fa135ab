using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// A demo bookstore in the style of books.toscrape.com: a few thousand seeded books over paginated listing pages
/// (<c>/catalogue/page-N.html</c>, 20 per page, <c>li.next a</c>, <c>li.previous a</c> and a numbered pager
/// <c>li.page a</c>), category listings, book pages (<c>/catalogue/&lt;slug&gt;_&lt;id&gt;/index.html</c>) with title,
/// price, rating, availability, a specs table, reviews, a cover and a breadcrumb, and a robots.txt that disallows
/// <c>/basket/</c>. <see cref="Books"/> (and <c>/__expected.jsonl</c>) hold the ground truth.
/// </summary>
/// <example>
/// <code>
/// await using var site = await BookstoreSite.StartAsync(new BookstoreSiteOptions { BookCount = 500 });
/// Console.WriteLine($"crawl {site.StartUrl}: expect {site.Books.Count} books");
/// </code>
/// </example>
public sealed class BookstoreSite : DemoSite
{
    /// <summary>The path of the ground truth, one JSON object per book (the fields of <see cref="Book"/>, camelCase).</summary>
    public const string ExpectedJsonLinesPath = BookstoreContent.ExpectedPath;

    private readonly BookCatalog _catalog;

    /// <summary>The demo user's name, for the login form at <see cref="LoginUrl"/>.</summary>
    public const string DemoUsername = BookstoreAccounts.Username;

    /// <summary>The demo user's password.</summary>
    public const string DemoPassword = BookstoreAccounts.Password;

    private BookstoreSite(SiteServer server, BookCatalog catalog, BookstoreAccounts accounts)
        : base(server, BookCatalog.CataloguePath(1))
    {
        _catalog = catalog;
        LoginUrl = Url(BookstoreAccounts.LoginPath);
        WishlistUrl = Url(BookstoreAccounts.WishlistPath);
        Books = [.. catalog.Books.Select(b => new Book
        {
            Id = b.Id,
            Url = Url(b.Path),
            Title = b.Title,
            Price = b.Price,
            Availability = b.Availability,
            Stock = b.Stock,
            Rating = b.RatingWord,
            Upc = b.Upc,
            Category = catalog.Categories[b.Category].Name,
            Cover = Url(b.CoverPath),
            Description = b.Description,
            Reviews = b.Reviews,
            LastModified = BookstoreSitemaps.LastModified(b.Id),
        })];
        Categories = [.. catalog.Categories.Select(c => new BookCategory(c.Name, Url(c.PagePath(1)), c.BookIds))];
        Wishlist = [.. accounts.Wishlist.Select(b => Books[b.Id - 1])];
    }

    /// <summary>
    /// The login form (<c>form.login</c>: a hidden <c>csrfmiddlewaretoken</c> that must match its <c>csrftoken</c> cookie,
    /// <c>username</c>, <c>password</c>); a wrong password shows it again with <c>ul.errorlist</c>.
    /// </summary>
    public Uri LoginUrl { get; }

    /// <summary>The demo user's wishlist (<c>article.product_pod h3 a</c> to each book): to a signed-in visitor only, anyone else is redirected to <see cref="LoginUrl"/>.</summary>
    public Uri WishlistUrl { get; }

    /// <summary>The sitemap index robots.txt announces (<c>Sitemap: /sitemap.xml</c>): the books' sitemap (gzip, with <c>lastmod</c>) and the pages'.</summary>
    public Uri SitemapUrl => Url(BookstoreSitemaps.IndexPath);

    /// <summary>The books of the demo user's wishlist, in its order.</summary>
    public IReadOnlyList<Book> Wishlist { get; }

    /// <summary>Every book, in catalogue order: book <c>n</c> is at index <c>n - 1</c>.</summary>
    public IReadOnlyList<Book> Books { get; }

    /// <summary>The categories, as in the sidebar.</summary>
    public IReadOnlyList<BookCategory> Categories { get; }

    /// <summary>The number of catalogue listing pages (<c>/catalogue/page-1.html</c> to <c>page-N.html</c>).</summary>
    public int ListingPageCount => _catalog.ListingPages;

    /// <summary>Starts a bookstore on 127.0.0.1: on a free port, or on <see cref="DemoSiteOptions.Port"/>.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults (2,000 books, seed 42).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running site; dispose it to stop it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static async Task<BookstoreSite> StartAsync(BookstoreSiteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BookstoreSiteOptions();
        options.Validate();
        var catalog = new BookCatalog(options);
        var content = new BookstoreContent(catalog);
        var server = await SiteServer.StartAsync(content, options, cancellationToken).ConfigureAwait(false);
        content.Sitemaps.BaseUrl = server.BaseUrl;
        var site = new BookstoreSite(server, catalog, content.Accounts);
        content.ExpectedJsonLines = ToJsonLines(site.Books);
        return site;
    }

    /// <summary>The URL of catalogue listing page <paramref name="page"/>.</summary>
    /// <param name="page">1 to <see cref="ListingPageCount"/>.</param>
    /// <returns>The URL.</returns>
    public Uri ListingUrl(int page)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, ListingPageCount);
        return Url(BookCatalog.CataloguePath(page));
    }

    /// <summary>Writes books as JSON Lines: camelCase fields, prices as numbers, dates as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="books">The books.</param>
    /// <returns>One line per book.</returns>
    public static string ToJsonLines(IEnumerable<Book> books)
    {
        ArgumentNullException.ThrowIfNull(books);
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var book in books)
        {
            using (var json = new Utf8JsonWriter(buffer, options))
            {
                json.WriteStartObject();
                json.WriteNumber("id", book.Id);
                json.WriteString("url", book.Url.AbsoluteUri);
                json.WriteString("title", book.Title);
                json.WriteNumber("price", book.Price);
                json.WriteString("availability", book.Availability);
                json.WriteNumber("stock", book.Stock);
                json.WriteString("rating", book.Rating);
                json.WriteString("upc", book.Upc);
                json.WriteString("category", book.Category);
                json.WriteString("cover", book.Cover.AbsoluteUri);
                json.WriteString("description", book.Description);
                json.WriteStartArray("reviews");
                foreach (var review in book.Reviews)
                {
                    json.WriteStartObject();
                    json.WriteString("title", review.Title);
                    json.WriteString("author", review.Author);
                    json.WriteString("date", review.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    json.WriteString("rating", review.Rating);
                    json.WriteString("text", review.Text);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
