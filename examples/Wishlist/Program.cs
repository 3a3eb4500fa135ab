using DeclarativeScrape;
using DeclarativeScrape.DemoSites;
using DeclarativeScrape.Examples.Wishlist;
using DeclarativeScrape.Hosting;

// With no --url: starts the demo bookstore on 127.0.0.1 and crawls its wishlist. With --url: that site's wishlist page.
// Either way the login form is filled first (the demo user; a real scraper reads its secrets from the environment),
// its URL relative to the start URL, so it follows --url.
return await ScrapeApp.RunAsync(
    WishlistScraper.Plan,
    args,
    (port, ct) => BookstoreSite.StartAsync(new() { Port = port }, ct),
    options => options.Login = new LoginOptions
    {
        Url = new Uri("/accounts/login/", UriKind.Relative),
        FormSelector = "form.login",   // the page's first form is the site's search box
        Fields =
        {
            ["username"] = Environment.GetEnvironmentVariable("WISHLIST_USER") ?? BookstoreSite.DemoUsername,
            ["password"] = Environment.GetEnvironmentVariable("WISHLIST_PASSWORD") ?? BookstoreSite.DemoPassword,
        },
        FailureSelector = "ul.errorlist",
    });
