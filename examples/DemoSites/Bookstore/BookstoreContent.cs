using System.Globalization;
using System.Text;

namespace DeclarativeScrape.DemoSites;

/// <summary>The bookstore's pages: home, catalogue and category listings, book pages, robots.txt and the ground truth.</summary>
internal sealed class BookstoreContent : ISiteContent, IInteractiveContent
{
    public const string ExpectedPath = "/__expected.jsonl";
    private const string CataloguePrefix = "/catalogue/";
    private const string CategoryPrefix = "/catalogue/category/";

    private readonly BookCatalog _catalog;
    private readonly BookstoreLayout _layout;

    public BookstoreContent(BookCatalog catalog)
    {
        _catalog = catalog;
        _layout = new BookstoreLayout(catalog);
        Accounts = new BookstoreAccounts(catalog, _layout);
        Sitemaps = new BookstoreSitemaps(catalog);
        NotFound = SitePage.Html(_layout.Simple("Page not found", "<p>404: there is no page at this address. <a href=\"/catalogue/page-1.html\">Browse all books</a>.</p>"), 404);
    }

    public SitePage NotFound { get; }

    /// <summary>The sitemap index and its sitemaps.</summary>
    public BookstoreSitemaps Sitemaps { get; }

    /// <summary>The login form and the wishlist behind it.</summary>
    public BookstoreAccounts Accounts { get; }

    public bool Handles(string path) => Accounts.Handles(path);

    public Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context) => Accounts.HandleAsync(context);

    /// <summary>The ground truth as JSON Lines, set once the site knows its address.</summary>
    public string? ExpectedJsonLines { get; set; }

    public SitePage? Render(string path)
    {
        switch (path)
        {
            case "/" or "/index.html":
                return SitePage.Html(Home());
            case "/robots.txt":
                return SitePage.Text(Robots());
            case ExpectedPath:
                return ExpectedJsonLines is null ? null : SitePage.Text(ExpectedJsonLines, SitePage.JsonLinesContentType);
            case "/about.html":
                return SitePage.Html(_layout.Simple("About DemoBooks",
                    "<p>DemoBooks is generated: every title, price, rating and review comes from a seeded generator, so the same seed gives the same shop.</p>\n" +
                    "<p>Crawlers are welcome. Please respect <a href=\"/robots.txt\">robots.txt</a>: the basket is off limits.</p>"));
            case BookstoreSitemaps.IndexPath or BookstoreSitemaps.BooksPath or BookstoreSitemaps.PagesPath:
                return Sitemaps.Render(path);
            case "/basket/":
                return SitePage.Html(_layout.Simple("Basket", "<p>Your basket is empty.</p>\n<p><a href=\"/catalogue/page-1.html\">Continue shopping</a></p>"));
        }

        if (path.StartsWith(CategoryPrefix, StringComparison.Ordinal))
        {
            return RenderCategory(path);
        }

        if (!path.StartsWith(CataloguePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path.AsSpan(CataloguePrefix.Length);
        if (TryParsePageFile(rest, out var page) && page <= _catalog.ListingPages)
        {
            return SitePage.Html(Listing(path, "All products", _catalog.AllBooks.BookIds, page, _catalog.ListingPages, BookCatalog.CataloguePath));
        }

        const string index = "/index.html";
        if (rest.EndsWith(index, StringComparison.Ordinal))
        {
            var dir = rest[..^index.Length];
            var underscore = dir.LastIndexOf('_');
            if (underscore > 0 && int.TryParse(dir[(underscore + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) &&
                id >= 1 && id <= _catalog.Books.Count && dir[..underscore].SequenceEqual(_catalog.Books[id - 1].Slug))
            {
                return SitePage.Html(BookPage(_catalog.Books[id - 1]));
            }
        }

        return null;
    }

    private SitePage? RenderCategory(string path)
    {
        foreach (var category in _catalog.Categories.Append(_catalog.AllBooks))
        {
            if (!path.StartsWith(category.Directory, StringComparison.Ordinal))
            {
                continue;
            }

            var file = path.AsSpan(category.Directory.Length);
            var page = file.SequenceEqual("index.html") ? 1 : TryParsePageFile(file, out var n) && n >= 2 ? n : 0;
            if (page < 1 || page > category.Pages)
            {
                return null;
            }

            return SitePage.Html(Listing(path, category.Name, category.BookIds, page, category.Pages, category.PagePath));
        }

        return null;
    }

    private static bool TryParsePageFile(ReadOnlySpan<char> file, out int page)
    {
        page = 0;
        return file.StartsWith("page-") && file.EndsWith(".html") &&
               int.TryParse(file[5..^5], NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1;
    }

    private string Home()
    {
        var body = new StringBuilder();
        body.Append("<p>Welcome to DemoBooks: ").Append(_catalog.Books.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" books in ").Append(_catalog.Categories.Count.ToString(CultureInfo.InvariantCulture)).Append(" categories.</p>\n")
            .Append("<p><a class=\"btn btn-primary\" href=\"catalogue/page-1.html\">Browse all books</a></p>\n<h2>Categories</h2>\n<ul class=\"categories\">\n");
        foreach (var category in _catalog.Categories)
        {
            body.Append("<li><a href=\"").Append(RelativeUrl.Between("/index.html", category.PagePath(1))).Append("\">").AppendEncoded(category.Name)
                .Append("</a> (").Append(category.BookIds.Count.ToString(CultureInfo.InvariantCulture)).Append(")</li>\n");
        }

        return _layout.Simple("DemoBooks", body.Append("</ul>").ToString());
    }

    private string Robots()
    {
        var sb = new StringBuilder("# DemoBooks: crawlers welcome, the basket is private.\nUser-agent: *\nDisallow: /basket/\nDisallow: /search/\n");
        if (_catalog.CrawlDelay is { } delay)
        {
            sb.Append("Crawl-delay: ").Append(delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
        }

        return sb.Append("\nSitemap: /sitemap.xml\n").ToString();
    }

    private string Listing(string path, string heading, IReadOnlyList<int> ids, int page, int pages, Func<int, string> pagePath)
    {
        var first = (page - 1) * BookCatalog.PerPage;
        var last = Math.Min(first + BookCatalog.PerPage, ids.Count);
        var breadcrumb = new StringBuilder("<ul class=\"breadcrumb\">\n<li>\n<a href=\"")
            .Append(RelativeUrl.Between(path, "/index.html")).Append("\">Home</a>\n</li>\n<li class=\"active\">").AppendEncoded(heading).Append("</li>\n</ul>\n");
        var sb = _layout.Begin(page == 1 ? heading : $"{heading} (page {page})", $"{heading}: books {first + 1} to {last}", breadcrumb.ToString());
        sb.Append("<div class=\"page-header action\">\n<h1>").AppendEncoded(heading).Append("</h1>\n</div>\n")
          .Append("<form method=\"get\" class=\"form-horizontal\">\n<strong>").Append(ids.Count.ToString(CultureInfo.InvariantCulture)).Append("</strong> results")
          .Append(ids.Count == 0 ? "" : $" - showing <strong>{first + 1}</strong> to <strong>{last}</strong>").Append(".\n</form>\n<section>\n<ol class=\"row\">\n");
        for (var i = first; i < last; i++)
        {
            var book = _catalog.Books[ids[i] - 1];
            var link = RelativeUrl.Between(path, book.Path);
            var title = Html.Encode(book.Title);
            var shortTitle = book.Title.Length > 40 ? Html.Encode(book.Title[..37]) + "..." : title;
            sb.Append("<li class=\"col-xs-6 col-sm-4 col-md-3 col-lg-3\">\n<article class=\"product_pod\">\n<div class=\"image_container\">\n<a href=\"").Append(link)
              .Append("\"><img src=\"").Append(RelativeUrl.Between(path, book.CoverPath)).Append("\" alt=\"").Append(title).Append("\" class=\"thumbnail\" /></a>\n</div>\n")
              .Append("<p class=\"star-rating ").Append(book.RatingWord).Append("\">\n<i class=\"icon-star\"></i><i class=\"icon-star\"></i><i class=\"icon-star\"></i><i class=\"icon-star\"></i><i class=\"icon-star\"></i>\n</p>\n")
              .Append("<h3><a href=\"").Append(link).Append("\" title=\"").Append(title).Append("\">").Append(shortTitle).Append("</a></h3>\n")
              .Append("<div class=\"product_price\">\n<p class=\"price_color\">").Append(book.PriceText).Append("</p>\n<p class=\"")
              .Append(book.Stock > 0 ? "instock" : "outofstock").Append(" availability\">\n    <i class=\"icon-").Append(book.Stock > 0 ? "ok" : "remove").Append("\"></i>\n    ")
              .Append(book.Stock > 0 ? "In stock" : "Out of stock").Append("\n</p>\n<form action=\"/basket/add/").Append(book.Id.ToString(CultureInfo.InvariantCulture))
              .Append("/\" method=\"post\"><button type=\"submit\" class=\"btn btn-primary btn-block\">Add to basket</button></form>\n</div>\n</article>\n</li>\n");
        }

        sb.Append("</ol>\n<div>\n<ul class=\"pager\">\n");
        if (page > 1)
        {
            sb.Append("<li class=\"previous\"><a href=\"").Append(RelativeUrl.Between(path, pagePath(page - 1))).Append("\">previous</a></li>\n");
        }

        sb.Append("<li class=\"current\">\n    Page ").Append(page.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(pages.ToString(CultureInfo.InvariantCulture)).Append("\n</li>\n");
        var windowEnd = (int)Math.Min((long)page + _catalog.PagerWindow, pages);
        for (var k = page + 1; k <= windowEnd; k++)
        {
            sb.Append("<li class=\"page\"><a href=\"").Append(RelativeUrl.Between(path, pagePath(k))).Append("\">").Append(k.ToString(CultureInfo.InvariantCulture)).Append("</a></li>\n");
        }

        if (page < pages)
        {
            sb.Append("<li class=\"next\"><a href=\"").Append(RelativeUrl.Between(path, pagePath(page + 1))).Append("\">next</a></li>\n");
        }

        sb.Append("</ul>\n</div>\n</section>\n");
        return _layout.End(sb);
    }

    private string BookPage(CatalogBook book)
    {
        var path = book.Path;
        var category = _catalog.Categories[book.Category];
        var title = Html.Encode(book.Title);
        var breadcrumb = new StringBuilder("<ul class=\"breadcrumb\">\n<li>\n<a href=\"").Append(RelativeUrl.Between(path, "/index.html")).Append("\">Home</a>\n</li>\n<li>\n<a href=\"")
            .Append(RelativeUrl.Between(path, _catalog.AllBooks.PagePath(1))).Append("\">Books</a>\n</li>\n<li>\n<a href=\"")
            .Append(RelativeUrl.Between(path, category.PagePath(1))).Append("\">").AppendEncoded(category.Name).Append("</a>\n</li>\n<li class=\"active\">")
            .Append(title).Append("</li>\n</ul>\n");
        var sb = _layout.Begin(book.Title, $"{book.Title}, a book in {category.Name}", breadcrumb.ToString());
        sb.Append("<article class=\"product_page\">\n<div class=\"row\">\n<div class=\"col-sm-6\">\n<div id=\"product_gallery\" class=\"carousel\">\n<div class=\"thumbnail\">\n<div class=\"carousel-inner\">\n")
          .Append("<div class=\"item active\">\n<img src=\"").Append(RelativeUrl.Between(path, book.CoverPath)).Append("\" alt=\"").Append(title).Append("\" />\n</div>\n</div>\n</div>\n</div>\n</div>\n")
          .Append("<div class=\"col-sm-6 product_main\">\n<h1>").Append(title).Append("</h1>\n<p class=\"price_color\">").Append(book.PriceText).Append("</p>\n")
          .Append("<p class=\"").Append(book.Stock > 0 ? "instock" : "outofstock").Append(" availability\">\n    <i class=\"icon-").Append(book.Stock > 0 ? "ok" : "remove")
          .Append("\"></i>\n    \n        ").Append(book.Availability).Append("\n    \n</p>\n")
          .Append("<p class=\"star-rating ").Append(book.RatingWord).Append("\">\n<i class=\"icon-star\"></i>\n<i class=\"icon-star\"></i>\n<i class=\"icon-star\"></i>\n<i class=\"icon-star\"></i>\n<i class=\"icon-star\"></i>\n</p>\n")
          .Append("<hr />\n<div class=\"alert alert-warning\" role=\"alert\"><strong>Note:</strong> prices and ratings on this demo shop are made up.</div>\n")
          .Append("<form id=\"add_to_basket_form\" action=\"/basket/add/").Append(book.Id.ToString(CultureInfo.InvariantCulture))
          .Append("/\" method=\"post\" class=\"add-to-basket\"><button type=\"submit\" class=\"btn btn-lg btn-primary\">Add to basket</button></form>\n</div>\n</div>\n")
          .Append("<div id=\"product_description\" class=\"sub-header\">\n<h2>Product Description</h2>\n</div>\n<p>").AppendEncoded(book.Description).Append("</p>\n")
          .Append("<div class=\"sub-header\">\n<h2>Product Information</h2>\n</div>\n<table class=\"table table-striped\">\n")
          .Append("<tr>\n<th>UPC</th><td>").Append(book.Upc).Append("</td>\n</tr>\n")
          .Append("<tr>\n<th>Product Type</th><td>Books</td>\n</tr>\n")
          .Append("<tr>\n<th>Price (excl. tax)</th><td>").Append(book.PriceText).Append("</td>\n</tr>\n")
          .Append("<tr>\n<th>Price (incl. tax)</th><td>").Append(book.PriceText).Append("</td>\n</tr>\n")
          .Append("<tr>\n<th>Tax</th><td>£0.00</td>\n</tr>\n")
          .Append("<tr>\n<th>Availability</th>\n<td>").Append(book.Availability).Append("</td>\n</tr>\n")
          .Append("<tr>\n<th>Number of reviews</th>\n<td>").Append(book.Reviews.Count.ToString(CultureInfo.InvariantCulture)).Append("</td>\n</tr>\n</table>\n")
          .Append("<section id=\"reviews\">\n<div class=\"sub-header\">\n<h2>Customer Reviews</h2>\n</div>\n");
        if (book.Reviews.Count == 0)
        {
            sb.Append("<p class=\"no-reviews\">No reviews yet. Be the first!</p>\n");
        }

        foreach (var review in book.Reviews)
        {
            sb.Append("<article class=\"review\">\n<header>\n<h3 class=\"review-title\">").AppendEncoded(review.Title).Append("</h3>\n")
              .Append("<p class=\"star-rating ").Append(review.Rating).Append("\"><i class=\"icon-star\"></i><i class=\"icon-star\"></i><i class=\"icon-star\"></i><i class=\"icon-star\"></i><i class=\"icon-star\"></i></p>\n")
              .Append("<p class=\"review-meta\">by <span class=\"author\">").AppendEncoded(review.Author).Append("</span> on <time datetime=\"")
              .Append(review.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
              .Append(review.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time></p>\n</header>\n<div class=\"review-text\">\n    <p>");
            // Sentences on their own indented lines: a scraper must collapse the whitespace.
            sb.Append(Html.Encode(review.Text).Replace(". ", ".\n        ", StringComparison.Ordinal)).Append("</p>\n</div>\n</article>\n");
        }

        sb.Append("</section>\n<div class=\"sub-header\">\n<h2>Products you recently viewed</h2>\n</div>\n</article>\n");
        return _layout.End(sb);
    }
}
