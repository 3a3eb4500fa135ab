using System.Globalization;

namespace DeclarativeScrape.DemoSites;

/// <summary>
/// A demo shop whose pages build their content with script, for rendering: listing pages filled by <c>fetch()</c>
/// (<c>/shop/page-N.html</c>: <c>#products a.product</c>, <c>nav.pager a.next</c>, both absent from the static HTML),
/// product pages (<c>/product/N.html</c>: <c>h1.title</c>, <c>p.price</c>, <c>p.sku</c>) of which every
/// <see cref="ScriptShopSiteOptions.ScriptOnlyEvery"/>-th builds its values with script (the others are static), a
/// "load more" page (<c>/more.html</c>: <c>li.item</c>, <c>button.more</c>), a page that settles on timers alone
/// (<c>/later.html</c>: <c>p.status</c>, <c>p.flag</c>), a page that never settles
/// (<c>/never.html</c>) and one that crashes its renderer by exhausting its memory (<c>/crash.html</c>). Pages load a
/// script and a style sheet from the site, an image (which a renderer should block), a script from another host
/// (<c>localhost</c> instead of <c>127.0.0.1</c>: outside a crawl's scope) and a robots.txt-disallowed
/// <c>/api/private/</c> URL. <see cref="Products"/> and <see cref="MoreItems"/> are the ground truth.
/// </summary>
public sealed class ScriptShopSite : DemoSite
{
    /// <summary>The path robots.txt disallows.</summary>
    public const string DisallowedPath = "/api/private/stats.json";

    /// <summary>The path of the script served to the other host (never to be fetched by a scoped crawl).</summary>
    public const string OtherHostScriptPath = "/static/tracker.js";

    /// <summary>The path of the image every page shows (blocked by a renderer by default).</summary>
    public const string ImagePath = "/static/logo.png";

    private ScriptShopSite(SiteServer server, IReadOnlyList<ScriptProductEntry> entries)
        : base(server, "/shop/page-1.html")
    {
        Products = [.. entries.Select(e => new ScriptProduct(e.Id, Url($"/product/{e.Id.ToString(CultureInfo.InvariantCulture)}.html"), e.Title, e.Price, e.Sku, e.ScriptOnly))];
        ListingPageCount = Math.Max(1, (entries.Count + ScriptShopContent.PerPage - 1) / ScriptShopContent.PerPage);
    }

    /// <summary>Every product, by id.</summary>
    public IReadOnlyList<ScriptProduct> Products { get; }

    /// <summary>Listing pages (20 products each).</summary>
    public int ListingPageCount { get; }

    /// <summary>The items of the "load more" page once every batch was loaded (its button clicked until it is gone).</summary>
    public static IReadOnlyList<string> MoreItems { get; } =
        [.. Enumerable.Range(1, (ScriptShopContent.MoreClicks + 1) * ScriptShopContent.MoreItemsPerClick).Select(ScriptShopContent.MoreItem)];

    /// <summary>The "load more" page.</summary>
    public Uri MoreUrl => Url("/more.html");

    /// <summary>A page that settles on timers alone: <c>p.status</c> reads "ready" after 0.1 s, <c>p.flag</c> after 1.5 s (then <c>window.shopReady</c> is true).</summary>
    public Uri LaterUrl => Url("/later.html");

    /// <summary>A page that never settles.</summary>
    public Uri NeverUrl => Url("/never.html");

    /// <summary>A page that crashes its renderer.</summary>
    public Uri CrashUrl => Url("/crash.html");

    /// <summary>The URL of listing page <paramref name="page"/>.</summary>
    public Uri ListingUrl(int page) => Url($"/shop/page-{page.ToString(CultureInfo.InvariantCulture)}.html");

    /// <summary>Starts the shop on 127.0.0.1 with a free port.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults (100 products, every 10th built by script).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running site; dispose it to stop it.</returns>
    public static async Task<ScriptShopSite> StartAsync(ScriptShopSiteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ScriptShopSiteOptions();
        options.Validate();
        var entries = Enumerable.Range(1, options.ProductCount).Select(id => Entry(id, options)).ToList();
        var content = new ScriptShopContent(entries);
        var server = await SiteServer.StartAsync(content, options, cancellationToken).ConfigureAwait(false);
        content.OtherHost = $"http://localhost:{server.BaseUrl.Port.ToString(CultureInfo.InvariantCulture)}/";
        var site = new ScriptShopSite(server, entries);
        content.ExpectedJsonLines = string.Concat(site.Products.Select(p => ScriptShopJson.Expected(p) + "\n"));
        return site;
    }

    private static ScriptProductEntry Entry(int id, ScriptShopSiteOptions options)
    {
        string[] adjectives = ["Quiet", "Bright", "Rapid", "Gentle", "Hidden", "Golden", "Little", "Brave"];
        string[] nouns = ["Lamp", "Kettle", "Garden Chair", "Notebook", "Umbrella", "Teapot & Cups", "Clock", "Backpack"];
        var random = SeededRandom.For(options.Seed, id, 0x5C819);
        var title = $"{random.Pick(adjectives)} {random.Pick(nouns)} No. {id.ToString(CultureInfo.InvariantCulture)}";
        var price = random.Next(100, 10_000) / 100m;
        var sku = "SKU-" + random.NextUInt64().ToString("x12", CultureInfo.InvariantCulture)[..12];
        return new ScriptProductEntry(id, title, price, sku, options.ScriptOnlyEvery > 0 && id % options.ScriptOnlyEvery == 0);
    }
}
