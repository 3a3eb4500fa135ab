using System.Globalization;
using System.Text;

namespace DeclarativeScrape.DemoSites;

/// <summary>The boilerplate every bookstore page shares: head, header, category sidebar, footer and scripts.</summary>
internal sealed class BookstoreLayout
{
    private readonly string _sidebar;
    private readonly string _footer;

    public BookstoreLayout(BookCatalog catalog)
    {
        var nav = new StringBuilder();
        nav.Append("<aside class=\"sidebar col-sm-4 col-md-3\">\n<div class=\"side_categories\">\n<ul class=\"nav nav-list\">\n<li>\n<a href=\"")
           .Append(catalog.AllBooks.PagePath(1)).Append("\">\n    Books\n</a>\n<ul>\n");
        foreach (var category in catalog.Categories)
        {
            nav.Append("<li>\n<a href=\"").Append(category.PagePath(1)).Append("\">\n    ").AppendEncoded(category.Name).Append("\n</a>\n</li>\n");
        }

        nav.Append("</ul>\n</li>\n</ul>\n</div>\n</aside>\n");
        _sidebar = nav.ToString();

        var footer = new StringBuilder();
        footer.Append("</div>\n</div>\n</div>\n<footer class=\"footer container-fluid\">\n<div class=\"row\">\n<div class=\"col-sm-12\">\n")
              .Append("<p>DemoBooks is a demo shop for scraping practice. Titles, prices and reviews are generated and mean nothing.</p>\n")
              .Append("<ul class=\"footer-links\">\n<li><a href=\"/about.html\">About</a></li>\n<li><a href=\"/robots.txt\">robots.txt</a></li>\n")
              .Append("<li><a href=\"mailto:shop@example.com\">Contact</a></li>\n<li><a href=\"#top\">Back to top</a></li>\n</ul>\n</div>\n</div>\n</footer>\n")
              .Append("<script src=\"/static/js/vendor.min.js\" type=\"text/javascript\"></script>\n")
              .Append("<script type=\"text/javascript\">\n  window.dataLayer = window.dataLayer || [];\n")
              .Append("  dataLayer.push({ \"shop\": \"demobooks\", \"books\": ").Append(catalog.Books.Count.ToString(CultureInfo.InvariantCulture)).Append(" });\n")
              .Append("  document.addEventListener('DOMContentLoaded', function () {\n    var basket = '<a href=\"/basket/\">basket</a>';\n    if (window.shop) { shop.init({ basket: basket }); }\n  });\n")
              .Append("</script>\n</body>\n</html>\n");
        _footer = footer.ToString();
    }

    /// <summary>Starts a page: everything up to and including the opening of the main column.</summary>
    public StringBuilder Begin(string title, string description, string breadcrumbHtml, int capacity = 16 * 1024)
    {
        var sb = new StringBuilder(capacity);
        sb.Append("<!DOCTYPE html>\n<!--[if lt IE 9]> <html lang=\"en-GB\" class=\"no-js lt-ie9\"> <![endif]-->\n<html lang=\"en-GB\" class=\"no-js\">\n<head>\n")
          .Append("<meta charset=\"utf-8\" />\n<title>\n    ").AppendEncoded(title).Append(" | DemoBooks\n</title>\n")
          .Append("<meta name=\"description\" content=\"").AppendEncoded(description).Append("\" />\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
          .Append("<link rel=\"icon\" href=\"/static/favicon.ico\" />\n")
          .Append("<link rel=\"stylesheet\" type=\"text/css\" href=\"/static/css/bootstrap.min.css\" />\n")
          .Append("<link rel=\"stylesheet\" type=\"text/css\" href=\"/static/css/shop.css\" />\n")
          .Append("<script>document.documentElement.className = document.documentElement.className.replace('no-js', 'js');</script>\n")
          .Append("<style>\n  .product_pod { min-height: 22em; }\n  .star-rating { color: #e6b800; }\n  .star-rating.One i:nth-child(n+2), .star-rating.Two i:nth-child(n+3),\n")
          .Append("  .star-rating.Three i:nth-child(n+4), .star-rating.Four i:nth-child(n+5) { color: #ddd; }\n  .price_color { color: #3c763d; font-weight: bold; }\n</style>\n")
          .Append("</head>\n<body id=\"default\" class=\"default\">\n<a id=\"top\"></a>\n")
          .Append("<header class=\"header container-fluid\">\n<div class=\"page_inner\">\n<div class=\"row\">\n")
          .Append("<div class=\"col-sm-8 h1\"><a href=\"/index.html\">DemoBooks</a><small> books for scraping practice</small></div>\n")
          .Append("<nav class=\"col-sm-4 top-nav\">\n<ul>\n<li><a href=\"/catalogue/page-1.html\">All books</a></li>\n<li><a href=\"/about.html\">About</a></li>\n<li><a href=\"/basket/\">Basket</a></li>\n</ul>\n")
          .Append("<form class=\"search\" action=\"/search/\" method=\"get\"><input type=\"search\" name=\"q\" placeholder=\"Search books\" /></form>\n</nav>\n")
          .Append("</div>\n</div>\n</header>\n<div class=\"container-fluid page\">\n<div class=\"page_inner\">\n")
          .Append(breadcrumbHtml)
          .Append("<div class=\"row\">\n").Append(_sidebar).Append("<div class=\"col-sm-8 col-md-9\">\n");
        return sb;
    }

    /// <summary>Ends a page begun with <see cref="Begin"/>.</summary>
    public string End(StringBuilder sb) => sb.Append(_footer).ToString();

    /// <summary>A simple page: a heading and some HTML.</summary>
    public string Simple(string title, string bodyHtml)
    {
        var sb = Begin(title, title, "<ul class=\"breadcrumb\">\n<li><a href=\"/index.html\">Home</a></li>\n<li class=\"active\">" + Html.Encode(title) + "</li>\n</ul>\n", 8 * 1024);
        sb.Append("<div class=\"page-header\">\n<h1>").AppendEncoded(title).Append("</h1>\n</div>\n").Append(bodyHtml).Append('\n');
        return End(sb);
    }
}
