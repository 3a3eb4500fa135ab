using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DeclarativeScrape.DemoSites;

/// <summary>The pages of <see cref="ScriptShopSite"/>, built from its products on request.</summary>
internal sealed class ScriptShopContent(IReadOnlyList<ScriptProductEntry> products) : ISiteContent
{
    public const int PerPage = 20;
    public const int MoreItemsPerClick = 5;
    public const int MoreClicks = 3;
    public const string ExpectedPath = "/__expected.jsonl";

    private const string JsonType = "application/json; charset=utf-8";
    private const string ScriptType = "text/javascript; charset=utf-8";

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>Another host of the same server (<c>localhost</c> for <c>127.0.0.1</c>), for a script outside the crawl's scope; set after start.</summary>
    public string OtherHost { get; set; } = "http://localhost/";

    public string ExpectedJsonLines { get; set; } = string.Empty;

    public int ListingPageCount => Math.Max(1, (products.Count + PerPage - 1) / PerPage);

    public SitePage NotFound { get; } = SitePage.Html("<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>", 404);

    public SitePage? Render(string path)
    {
        switch (path)
        {
            case "/" or "/index.html":
                return SitePage.Html(Layout("Script shop", "<h1>Script shop</h1><p><a href=\"/shop/page-1.html\">Products</a> · <a href=\"/more.html\">More</a></p>"));
            case "/robots.txt":
                return SitePage.Text("User-agent: *\nDisallow: /api/private/\n");
            case ExpectedPath:
                return SitePage.Text(ExpectedJsonLines, SitePage.JsonLinesContentType);
            case "/static/shop.js":
                return new SitePage(Encoding.UTF8.GetBytes(ShopScript), ScriptType);
            case "/static/tracker.js":
                return new SitePage(Encoding.UTF8.GetBytes("document.documentElement.dataset.tracked = 'yes';"), ScriptType);
            case "/static/shop.css":
                return new SitePage(Encoding.UTF8.GetBytes("body { font-family: sans-serif; } .hidden { display: none; }"), "text/css; charset=utf-8");
            case "/static/logo.png":
                return new SitePage(Png, "image/png");
            case "/api/private/stats.json":
                return Json("{\"visits\":1}");
            case "/api/tick.json":
                return Json("{\"tick\":1}");
            case "/more.html":
                return SitePage.Html(Layout("More", $$"""
                    <h1>More</h1>
                    <ul id="items"></ul>
                    <button class="more" type="button">Load more</button>
                    <script>
                      let next = 1;
                      async function load() {
                        const items = await (await fetch('/api/more/' + next + '.json')).json();
                        for (const item of items) {
                          const li = document.createElement('li');
                          li.className = 'item';
                          li.textContent = item;
                          document.getElementById('items').appendChild(li);
                        }
                        next++;
                        if (next > {{MoreClicks + 1}}) document.querySelector('button.more').remove();
                      }
                      document.querySelector('button.more').addEventListener('click', load);
                      load();
                    </script>
                    """));
            case "/later.html":
                // Settles on timers, with no request: only a script condition or a fixed wait sees the final state.
                return SitePage.Html(Layout("Later", "<h1>Later</h1><p class=\"status\">waiting</p><p class=\"flag\">waiting</p><script>setTimeout(() => { document.querySelector('p.status').textContent = 'ready'; }, 100); setTimeout(() => { document.querySelector('p.flag').textContent = 'ready'; window.shopReady = true; }, 1500);</script>"));
            case "/never.html":
                // Never settles: a request every 100 ms keeps the network busy, and the awaited element never comes.
                return SitePage.Html(Layout("Never", "<h1>Never</h1><p class=\"status\">loading</p><script>setInterval(() => fetch('/api/tick.json'), 100);</script>"));
            case "/crash.html":
                // Exhausts the script heap: the renderer runs out of memory and crashes.
                return SitePage.Html(Layout("Crash", "<h1>Crash</h1><script>const hoard = []; for (;;) hoard.push(new Array(1e7).fill(1.5));</script>"));
        }

        if (TryNumber(path, "/shop/page-", ".html", out var page) && page <= ListingPageCount)
        {
            return SitePage.Html(Listing(page));
        }

        if (TryNumber(path, "/api/page-", ".json", out page) && page <= ListingPageCount)
        {
            return Json(ListingJson(page));
        }

        if (TryNumber(path, "/product/", ".html", out var id) && id <= products.Count)
        {
            return SitePage.Html(Product(products[id - 1]));
        }

        if (TryNumber(path, "/api/product/", ".json", out id) && id <= products.Count)
        {
            var p = products[id - 1];
            return Json(ScriptShopJson.Product(p.Title, FormatPrice(p.Price), p.Sku));
        }

        if (TryNumber(path, "/api/more/", ".json", out var batch) && batch <= MoreClicks + 1)
        {
            return Json(ScriptShopJson.Strings(Enumerable.Range((batch - 1) * MoreItemsPerClick + 1, MoreItemsPerClick).Select(MoreItem)));
        }

        return null;
    }

    /// <summary>The text of the n-th item of the "load more" page.</summary>
    public static string MoreItem(int n) => "Item " + n.ToString(CultureInfo.InvariantCulture);

    public static string FormatPrice(decimal price) => "£" + price.ToString("0.00", CultureInfo.InvariantCulture);

    private string Listing(int page)
    {
        // The list and the pager are built by script from /api/page-N.json: the static HTML has neither.
        var body = $$"""
            <h1>Products</h1>
            <img class="logo" src="/static/logo.png" alt="">
            <ul id="products"></ul>
            <nav class="pager"></nav>
            <script src="/static/shop.js"></script>
            <script src="{{OtherHost}}static/tracker.js"></script>
            <script>showListing({{page.ToString(CultureInfo.InvariantCulture)}});</script>
            """;
        return Layout("Products, page " + page.ToString(CultureInfo.InvariantCulture), body);
    }

    private string ListingJson(int page)
    {
        var first = (page - 1) * PerPage;
        return ScriptShopJson.Listing(products.Skip(first).Take(PerPage), page < ListingPageCount ? page + 1 : null);
    }

    private static string Product(ScriptProductEntry p)
    {
        var id = p.Id.ToString(CultureInfo.InvariantCulture);
        var body = p.ScriptOnly
            ? $$"""
                <h1 class="title"></h1>
                <p class="price"></p>
                <p class="sku"></p>
                <img src="/static/logo.png" alt="">
                <script>
                  fetch('/api/product/{{id}}.json').then(r => r.json()).then(p => {
                    document.querySelector('h1.title').textContent = p.title;
                    document.querySelector('p.price').textContent = p.price;
                    document.querySelector('p.sku').textContent = p.sku;
                  });
                </script>
                """
            : $"""
                <h1 class="title">{Html.Encode(p.Title)}</h1>
                <p class="price">{FormatPrice(p.Price)}</p>
                <p class="sku">{p.Sku}</p>
                <img src="/static/logo.png" alt="">
                """;
        return Layout(p.Title, body + "<p><a href=\"/shop/page-1.html\">Back to the shop</a></p>");
    }

    private static string Layout(string title, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Html.Encode(title)}</title><link rel=\"stylesheet\" href=\"/static/shop.css\"></head>\n<body>\n{body}\n</body></html>\n";

    private static SitePage Json(string json) => new(Encoding.UTF8.GetBytes(json), JsonType);

    private static bool TryNumber(string path, string prefix, string suffix, out int number)
    {
        number = 0;
        return path.StartsWith(prefix, StringComparison.Ordinal) && path.EndsWith(suffix, StringComparison.Ordinal)
            && int.TryParse(path.AsSpan(prefix.Length, path.Length - prefix.Length - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number >= 1;
    }

    private const string ShopScript = """
        async function showListing(page) {
          fetch('/api/private/stats.json').catch(() => {});
          const data = await (await fetch('/api/page-' + page + '.json')).json();
          const list = document.getElementById('products');
          for (const p of data.products) {
            const li = document.createElement('li');
            const a = document.createElement('a');
            a.className = 'product';
            a.href = '/product/' + p.id + '.html';
            a.textContent = p.title;
            li.appendChild(a);
            list.appendChild(li);
          }
          if (data.next) {
            const next = document.createElement('a');
            next.className = 'next';
            next.href = 'page-' + data.next + '.html';
            next.textContent = 'Next';
            document.querySelector('nav.pager').appendChild(next);
          }
          list.dataset.loaded = 'true';
        }
        """;
}
