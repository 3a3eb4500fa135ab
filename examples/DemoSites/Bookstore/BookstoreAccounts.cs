using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// The bookstore's accounts, as a Django shop has them: <c>/accounts/login/</c> is a form with an anti-forgery token
/// (a hidden field that must match its cookie), which signs the demo user in (a <c>sessionid</c> cookie) and redirects
/// to the wishlist; <c>/accounts/wishlist/</c> lists the user's books to a signed-in visitor and redirects anyone else
/// to the login page. A wrong password shows the form again with an error list.
/// </summary>
internal sealed class BookstoreAccounts(BookCatalog catalog, BookstoreLayout layout) : IInteractiveContent
{
    public const string LoginPath = "/accounts/login/";
    public const string WishlistPath = "/accounts/wishlist/";
    public const string Username = "ada";
    public const string Password = "lovelace-1815";

    private const string CsrfCookie = "csrftoken";
    private const string SessionCookie = "sessionid";

    /// <summary>The token of the form and its cookie; the same for every visitor (the site is deterministic).</summary>
    private readonly string _csrf = "c" + catalog.Books.Count.ToString("x", CultureInfo.InvariantCulture) + "f7e2a91d";

    /// <summary>The session the demo user gets.</summary>
    private readonly string _session = "s-" + catalog.Books[0].Upc;

    /// <summary>The demo user's wishlist: every 97th book from the first, at most 12.</summary>
    public IReadOnlyList<CatalogBook> Wishlist { get; } = [.. catalog.Books.Where(b => b.Id % 97 == 1).Take(12)];

    public bool Handles(string path) => path is LoginPath or WishlistPath;

    public Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path == WishlistPath)
        {
            if (request.Cookies[SessionCookie] != _session)
            {
                context.Response.Redirect(LoginPath + "?next=" + Uri.EscapeDataString(WishlistPath));
                return Task.CompletedTask;
            }

            return Html(context, 200, layout.Simple("My wishlist", WishlistHtml()));
        }

        if (HttpMethods.IsPost(request.Method))
        {
            return PostLoginAsync(context);
        }

        context.Response.Cookies.Append(CsrfCookie, _csrf, new CookieOptions { Path = "/", HttpOnly = true });
        return Html(context, 200, layout.Simple("Log in", Form(error: false)));
    }

    private async Task PostLoginAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (form["csrfmiddlewaretoken"] != _csrf || context.Request.Cookies[CsrfCookie] != _csrf)
        {
            await Html(context, 403, layout.Simple("Forbidden", "<p>403: the anti-forgery token is missing or does not match its cookie.</p>")).ConfigureAwait(false);
            return;
        }

        if (form["username"] != Username || form["password"] != Password)
        {
            await Html(context, 200, layout.Simple("Log in", Form(error: true))).ConfigureAwait(false);
            return;
        }

        context.Response.Cookies.Append(SessionCookie, _session, new CookieOptions { Path = "/", HttpOnly = true });
        context.Response.Redirect(WishlistPath);
    }

    private string Form(bool error) =>
        "<form method=\"post\" action=\"" + LoginPath + "\" class=\"login\">\n" +
        (error ? "<ul class=\"errorlist\"><li>Please enter a correct username and password.</li></ul>\n" : string.Empty) +
        "<input type=\"hidden\" name=\"csrfmiddlewaretoken\" value=\"" + _csrf + "\">\n" +
        "<p><label for=\"id_username\">Username</label> <input type=\"text\" name=\"username\" id=\"id_username\" autocomplete=\"username\"></p>\n" +
        "<p><label for=\"id_password\">Password</label> <input type=\"password\" name=\"password\" id=\"id_password\"></p>\n" +
        "<p><label><input type=\"checkbox\" name=\"remember\" value=\"1\"> Remember me</label></p>\n" +
        "<button type=\"submit\" name=\"login\" value=\"1\">Log in</button>\n</form>";

    private string WishlistHtml()
    {
        var sb = new StringBuilder("<p>").Append(Wishlist.Count.ToString(CultureInfo.InvariantCulture)).Append(" books saved for later.</p>\n<ol class=\"row\">\n");
        foreach (var book in Wishlist)
        {
            sb.Append("<li><article class=\"product_pod\">\n<h3><a href=\"").Append(RelativeUrl.Between(WishlistPath, book.Path)).Append("\" title=\"")
              .Append(DemoSites.Html.Encode(book.Title)).Append("\">").Append(DemoSites.Html.Encode(book.Title)).Append("</a></h3>\n<p class=\"price_color\">")
              .Append(book.PriceText).Append("</p>\n</article></li>\n");
        }

        return sb.Append("</ol>").ToString();
    }

    private static Task Html(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = SitePage.HtmlContentType;
        return context.Response.WriteAsync(html, context.RequestAborted);
    }
}
